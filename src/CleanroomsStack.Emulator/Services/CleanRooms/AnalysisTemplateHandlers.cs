using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// Analysis templates of a membership: named SQL queries with parameters. Only the description can change; the
/// model's other create members (errorMessageConfiguration, syntheticDataParameters) are accepted and not kept.
/// </summary>
public sealed class AnalysisTemplateHandlers : MembershipChildKind<AnalysisTemplateRecord>
{
    private static readonly string[] Formats = ["SQL", "PYSPARK_1_0"];

    private static readonly string[] ParameterTypes =
    [
        "SMALLINT", "INTEGER", "BIGINT", "DECIMAL", "REAL", "DOUBLE_PRECISION", "BOOLEAN", "CHAR", "VARCHAR", "DATE", "TIMESTAMP",
        "TIMESTAMPTZ", "TIME", "TIMETZ", "VARBYTE", "BINARY", "BYTE", "CHARACTER", "DOUBLE", "FLOAT", "INT", "LONG", "NUMERIC",
        "SHORT", "STRING", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ", "TINYINT",
    ];

    public AnalysisTemplateHandlers()
        : base(new ChildKindNames("AnalysisTemplate", "analysistemplates", "analysisTemplate",
                "ANALYSIS_TEMPLATE", "analysis template", "Analysis templates per membership"),
            state => state.AnalysisTemplates, quotas => quotas.AnalysisTemplatesPerMembership)
    {
    }

    public override string Arn(World world, MembershipRecord membership, AnalysisTemplateRecord child) =>
        world.MembershipChildArn(membership, "analysistemplate", child.Id);

    protected override CreateRequest<AnalysisTemplateRecord> ParseCreate(JsonObject body)
    {
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 0, 128, Patterns.TableAlias());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var format = v.Enum(body, "format", true, Formats);
        if (format == "PYSPARK_1_0") v.Fail("format", "PYSPARK_1_0 needs source.artifacts in S3, which the emulator does not support", format);
        var text = ReadSourceText(v, body);
        var schema = v.Object(body, "schema", false);
        var tables = v.StringList(schema, "schema.referencedTables", false, int.MaxValue, 0, 128, Patterns.TableAlias());
        var parameters = ReadParameters(v, body);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        return new CreateRequest<AnalysisTemplateRecord>(n => new AnalysisTemplateRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            Name = name!,
            Description = description,
            Format = format!,
            SourceText = text!,
            ReferencedTables = tables ?? [],
            AnalysisParameters = parameters ?? [],
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    protected override UpdateRequest<AnalysisTemplateRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        v.ThrowIfInvalid();

        return new UpdateRequest<AnalysisTemplateRecord>(null, template =>
        {
            if (description is not null) template.Description = description;
        });
    }

    /// <summary>
    /// <c>source</c> is a union: exactly one of <c>text</c> (SQL, up to 90,000 characters) or <c>artifacts</c> (PySpark
    /// code in S3). The emulator has no S3 to read artifacts from, so it answers those as a bad request.
    /// </summary>
    private static string? ReadSourceText(FieldValidator v, JsonObject body)
    {
        var source = v.Object(body, "source", true);
        if (source is null) return null;
        if (source.ContainsKey("artifacts"))
        {
            v.Fail("source.artifacts", "Member is not supported by the emulator: give the SQL as source.text");
            return null;
        }

        return v.String(source, "source.text", true, 0, 90000);
    }

    /// <summary>Up to 10 parameters, each named once; the query refers to them as <c>:name</c>.</summary>
    private static List<AnalysisParameterRecord>? ReadParameters(FieldValidator v, JsonObject body)
    {
        var parameters = v.Structures(body, "analysisParameters", false, 10, (item, path) =>
        {
            var name = v.String(item, $"{path}.name", true, 1, 100, Patterns.ParameterName());
            var type = v.Enum(item, $"{path}.type", true, ParameterTypes);
            var value = v.String(item, $"{path}.defaultValue", false, 0, 250);
            return name is null || type is null ? null : new AnalysisParameterRecord { Name = name, Type = type, DefaultValue = value };
        });
        foreach (var duplicate in (parameters ?? []).GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            v.Fail("analysisParameters", $"Parameter '{duplicate.Key}' is declared more than once");
        return parameters;
    }

    protected override JsonObject Summary(World world, MembershipRecord membership, AnalysisTemplateRecord child)
    {
        var json = CleanRoomsJson.MembershipChildBase(world, membership, child, Arn(world, membership, child));
        if (child.Description is not null) json["description"] = child.Description;
        return json;
    }

    protected override JsonObject Full(World world, MembershipRecord membership, AnalysisTemplateRecord child)
    {
        var json = Summary(world, membership, child);
        json["schema"] = new JsonObject { ["referencedTables"] = CleanRoomsJson.StringArray(child.ReferencedTables) };
        json["format"] = child.Format;
        json["source"] = new JsonObject { ["text"] = child.SourceText };
        if (child.AnalysisParameters.Count > 0)
        {
            json["analysisParameters"] = new JsonArray(child.AnalysisParameters.Select(p =>
            {
                var parameter = new JsonObject { ["name"] = p.Name, ["type"] = p.Type };
                if (p.DefaultValue is not null) parameter["defaultValue"] = p.DefaultValue;
                return (JsonNode)parameter;
            }).ToArray());
        }

        return json;
    }
}
