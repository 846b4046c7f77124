using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Collaboration-side reads of the tables members shared: schemas and their analysis rules, single and batched.</summary>
public static class SchemaHandlers
{
    private const string Collaboration = "/collaborations/{collaborationIdentifier}";
    private static readonly string[] SchemaTypes = ["TABLE", "ID_MAPPING_TABLE"];

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "ListSchemas", "GET", Collaboration + "/schemas", false, List);
        routes.Rest("cleanrooms", "GetSchema", "GET", Collaboration + "/schemas/{name}", false, Get);
        routes.Rest("cleanrooms", "BatchGetSchema", "POST", Collaboration + "/batch-schema", false, BatchGet);
        routes.Rest("cleanrooms", "GetSchemaAnalysisRule", "GET", Collaboration + "/schemas/{name}/analysisRule/{type}", false, GetRule);
        routes.Rest("cleanrooms", "BatchGetSchemaAnalysisRule", "POST", Collaboration + "/batch-schema-analysis-rule", false, BatchGetRules);
    }

    private static OperationResult List(OperationContext context)
    {
        var collaboration = ActiveCollaboration(context);
        var type = Lookups.EnumQuery(context, "schemaType", SchemaTypes);
        var schemas = type is null or "TABLE" ? SchemaView.All(context.World, collaboration) : [];
        return OperationResult.Json(Paginator.ListResponse(context, "schemaSummaries", schemas, s => s.Summary(context.World)));
    }

    private static OperationResult Get(OperationContext context)
    {
        var collaboration = ActiveCollaboration(context);
        var name = context.Label("name");
        var schema = SchemaView.All(context.World, collaboration).FirstOrDefault(s => s.Name == name)
                     ?? throw Errors.NotFound("SCHEMA", name, "Schema");
        return OperationResult.Json(new JsonObject { ["schema"] = schema.Full(context.World) });
    }

    private static OperationResult BatchGet(OperationContext context)
    {
        var collaboration = ActiveCollaboration(context);
        var v = new FieldValidator();
        var names = v.StringList(context.Body, "names", true, 25, 0, 128, Patterns.TableAlias());
        if (names is { Count: 0 }) v.Fail("names", "Member must have length greater than or equal to 1");
        v.ThrowIfInvalid();

        var all = SchemaView.All(context.World, collaboration);
        var schemas = new JsonArray();
        var errors = new JsonArray();
        foreach (var name in names!)
        {
            var schema = all.FirstOrDefault(s => s.Name == name);
            if (schema is null)
                errors.Add(new JsonObject { ["name"] = name, ["code"] = "ResourceNotFoundException", ["message"] = $"Schema {name} not found." });
            else
                schemas.Add(schema.Full(context.World));
        }

        return OperationResult.Json(new JsonObject { ["schemas"] = schemas, ["errors"] = errors });
    }

    private static OperationResult GetRule(OperationContext context)
    {
        var collaboration = ActiveCollaboration(context);
        var v = new FieldValidator();
        var type = v.CheckEnum(context.Label("type"), "type", AnalysisRulePolicy.RuleTypes);
        v.ThrowIfInvalid();

        var name = context.Label("name");
        var rule = SchemaView.All(context.World, collaboration).FirstOrDefault(s => s.Name == name)?.AnalysisRule(type!)
                   ?? throw Errors.NotFound("SCHEMA", name, $"{type} analysis rule of schema");
        return OperationResult.Json(new JsonObject { ["analysisRule"] = rule });
    }

    private static OperationResult BatchGetRules(OperationContext context)
    {
        var collaboration = ActiveCollaboration(context);
        var v = new FieldValidator();
        var requests = new List<(string Name, string Type)>();
        if (context.Body["schemaAnalysisRuleRequests"] is not JsonArray array || array.Count is 0 or > 25)
            v.Fail("schemaAnalysisRuleRequests", "Member must have between 1 and 25 items");
        else
        {
            for (var i = 0; i < array.Count; i++)
            {
                var item = array[i] as JsonObject;
                var name = v.String(item, $"schemaAnalysisRuleRequests.{i}.name", true, 0, 128, Patterns.TableAlias());
                var type = v.Enum(item, $"schemaAnalysisRuleRequests.{i}.type", true, AnalysisRulePolicy.RuleTypes);
                if (name is not null && type is not null) requests.Add((name, type));
            }
        }

        v.ThrowIfInvalid();
        var all = SchemaView.All(context.World, collaboration);
        var rules = new JsonArray();
        var errors = new JsonArray();
        foreach (var (name, type) in requests)
        {
            var rule = all.FirstOrDefault(s => s.Name == name)?.AnalysisRule(type);
            if (rule is null)
            {
                errors.Add(new JsonObject
                {
                    ["name"] = name, ["type"] = type, ["code"] = "ResourceNotFoundException", ["message"] = $"{type} analysis rule of schema {name} not found.",
                });
            }
            else
            {
                rules.Add(rule);
            }
        }

        return OperationResult.Json(new JsonObject { ["analysisRules"] = rules, ["errors"] = errors });
    }

    /// <summary>Only active members read a collaboration's schemas.</summary>
    private static CollaborationRecord ActiveCollaboration(OperationContext context)
    {
        var collaboration = Lookups.Collaboration(context);
        if (collaboration.Members.First(m => m.AccountId == context.AccountId).Status != "ACTIVE")
            throw Errors.AccessDenied($"Account {context.AccountId} is not an active member of collaboration {collaboration.Id}.");
        return collaboration;
    }
}
