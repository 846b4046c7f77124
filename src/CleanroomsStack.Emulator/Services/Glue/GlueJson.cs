using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.Glue;

/// <summary>Glue's PascalCase shapes.</summary>
public static class GlueJson
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>An optional string member; any other JSON type is Glue's InvalidInputException, naming the member.</summary>
    public static string? Text(JsonNode? parent, string member)
    {
        var node = parent?[member];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        throw new AwsServiceError("InvalidInputException", 400, $"{member} must be a string.");
    }

    public static JsonObject Table(GlueTableRecord t)
    {
        var storage = new JsonObject { ["Columns"] = Columns(t.Columns) };
        if (t.Location is not null) storage["Location"] = t.Location;
        var json = new JsonObject
        {
            ["Name"] = t.Name,
            ["DatabaseName"] = t.DatabaseName,
            ["CatalogId"] = t.AccountId,
            ["CreateTime"] = t.CreateTime,
            ["UpdateTime"] = t.UpdateTime,
            ["TableType"] = t.TableType,
            ["StorageDescriptor"] = storage,
            ["PartitionKeys"] = Columns(t.PartitionKeys),
            ["IsRegisteredWithLakeFormation"] = false,
        };
        if (t.Description is not null) json["Description"] = t.Description;
        return json;
    }

    public static List<GlueColumnRecord> ReadColumns(JsonArray? columns) =>
        columns?.OfType<JsonObject>().Select(c => new GlueColumnRecord
        {
            Name = Text(c, "Name") ?? throw new AwsServiceError("InvalidInputException", 400, "Every column needs a Name."),
            Type = Text(c, "Type") ?? "string",
            Comment = Text(c, "Comment"),
        }).ToList() ?? [];

    /// <summary>Glue's GetTables <c>Expression</c> is a regular expression over table names (<c>*</c> = any).</summary>
    public static bool Matches(string? expression, string name)
    {
        if (string.IsNullOrEmpty(expression)) return true;
        var pattern = "^" + string.Join(".*", expression.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    private static JsonArray Columns(List<GlueColumnRecord> columns) => new(columns.Select(c =>
    {
        var json = new JsonObject { ["Name"] = c.Name, ["Type"] = c.Type };
        if (c.Comment is not null) json["Comment"] = c.Comment;
        return (JsonNode)json;
    }).ToArray());
}

/// <summary>Glue's pagination members are PascalCase and live in the JSON body.</summary>
public static class GluePaging
{
    public static (List<T> Page, string? NextToken) Page<T>(OperationContext context, IReadOnlyList<T> items)
    {
        var request = new PageRequest(context.Operation, (context.Body["MaxResults"] as JsonValue)?.ToJsonString(),
            GlueJson.Text(context.Body, "NextToken"), "MaxResults", "NextToken");
        try
        {
            return Paginator.Page(request, context.World.Faults.ShortPages, items);
        }
        catch (AwsServiceError e) when (e.Code == "ValidationException")
        {
            throw new AwsServiceError("InvalidInputException", 400, e.Message);
        }
    }
}
