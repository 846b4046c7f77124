using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.Glue;

/// <summary>
/// The Glue Data Catalog operations behind configured tables (awsJson1_1, PascalCase, <c>__type</c> errors with a
/// capital <c>Message</c>): CreateDatabase, CreateTable, GetTable, GetTables.
/// </summary>
public static class GlueHandlers
{
    public static void Register(RouteTable routes)
    {
        routes.DeclareService("glue", WireProtocol.AwsJson11);
        routes.Keyed("glue", "CreateDatabase", "AWSGlue.CreateDatabase", true, CreateDatabase);
        routes.Keyed("glue", "CreateTable", "AWSGlue.CreateTable", true, CreateTable);
        routes.Keyed("glue", "GetTable", "AWSGlue.GetTable", false, GetTable);
        routes.Keyed("glue", "GetTables", "AWSGlue.GetTables", false, GetTables);
    }

    private static OperationResult CreateDatabase(OperationContext context)
    {
        var catalog = Catalog(context);
        var input = context.Body["DatabaseInput"] as JsonObject ?? throw InvalidInput("DatabaseInput is required.");
        var name = NameOf(input, "DatabaseInput.Name");
        var state = context.World.State;
        if (state.GlueDatabases.Any(d => d.AccountId == catalog && d.Name == name))
            throw new AwsServiceError("AlreadyExistsException", 400, $"Database already exists: {name}");

        state.GlueDatabases.Add(new GlueDatabaseRecord
        {
            AccountId = catalog,
            Name = name,
            Description = GlueJson.Text(input, "Description"),
            CreateTime = context.World.Now(),
        });
        return OperationResult.Json(new JsonObject(), contentType: GlueJson.ContentType);
    }

    private static OperationResult CreateTable(OperationContext context)
    {
        var catalog = Catalog(context);
        var database = Database(context, catalog);
        var input = context.Body["TableInput"] as JsonObject ?? throw InvalidInput("TableInput is required.");
        var name = NameOf(input, "TableInput.Name");
        var state = context.World.State;
        if (state.GlueTables.Any(t => t.AccountId == catalog && t.DatabaseName == database && t.Name == name))
            throw new AwsServiceError("AlreadyExistsException", 400, $"Table already exists: {database}.{name}");

        var storage = input["StorageDescriptor"] as JsonObject;
        var now = context.World.Now();
        state.GlueTables.Add(new GlueTableRecord
        {
            AccountId = catalog,
            DatabaseName = database,
            Name = name,
            Description = GlueJson.Text(input, "Description"),
            Columns = GlueJson.ReadColumns(storage?["Columns"] as JsonArray),
            PartitionKeys = GlueJson.ReadColumns(input["PartitionKeys"] as JsonArray),
            Location = GlueJson.Text(storage, "Location"),
            TableType = GlueJson.Text(input, "TableType") ?? "EXTERNAL_TABLE",
            CreateTime = now,
            UpdateTime = now,
        });
        return OperationResult.Json(new JsonObject(), contentType: GlueJson.ContentType);
    }

    private static OperationResult GetTable(OperationContext context)
    {
        var catalog = Catalog(context);
        var database = Database(context, catalog);
        var name = NameOf(context.Body, "Name");
        var table = context.World.State.GlueTables.FirstOrDefault(t => t.AccountId == catalog && t.DatabaseName == database && t.Name == name)
                    ?? throw NotFound($"Table {name} not found.");
        return OperationResult.Json(new JsonObject { ["Table"] = GlueJson.Table(table) }, contentType: GlueJson.ContentType);
    }

    private static OperationResult GetTables(OperationContext context)
    {
        var catalog = Catalog(context);
        var database = Database(context, catalog);
        var expression = GlueJson.Text(context.Body, "Expression");
        var tables = context.World.State.GlueTables
            .Where(t => t.AccountId == catalog && t.DatabaseName == database && GlueJson.Matches(expression, t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var (page, next) = GluePaging.Page(context, tables);
        var response = new JsonObject { ["TableList"] = new JsonArray(page.Select(t => (JsonNode)GlueJson.Table(t)).ToArray()) };
        if (next is not null) response["NextToken"] = next;
        return OperationResult.Json(response, contentType: GlueJson.ContentType);
    }

    /// <summary>The catalog is the caller's account unless CatalogId names another (which must be the caller's).</summary>
    private static string Catalog(OperationContext context)
    {
        var catalog = GlueJson.Text(context.Body, "CatalogId") ?? context.AccountId;
        if (catalog != context.AccountId)
            throw new AwsServiceError("AccessDeniedException", 400, $"Account {context.AccountId} is not authorized to access catalog {catalog}.");
        return catalog;
    }

    private static string Database(OperationContext context, string catalog)
    {
        var name = NameOf(context.Body, "DatabaseName");
        if (!context.World.State.GlueDatabases.Any(d => d.AccountId == catalog && d.Name == name))
            throw NotFound($"Database {name} not found.");
        return name;
    }

    private static string NameOf(JsonObject obj, string field)
    {
        var key = field[(field.LastIndexOf('.') + 1)..];
        var value = obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(value) || value.Length > 255)
            throw InvalidInput($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length between 1 and 255");
        return value;
    }

    private static AwsServiceError InvalidInput(string message) => new("InvalidInputException", 400, message);

    private static AwsServiceError NotFound(string message) => new("EntityNotFoundException", 400, message);
}
