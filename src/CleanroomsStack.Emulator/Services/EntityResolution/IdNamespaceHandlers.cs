using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.EntityResolution;

/// <summary>
/// Entity Resolution ID namespaces. Its errors carry only a message (facts §5), unlike Clean Rooms'.
/// </summary>
public static class IdNamespaceHandlers
{
    public static void Register(RouteTable routes)
    {
        routes.DeclareService("entityresolution", WireProtocol.RestJson);
        routes.Rest("entityresolution", "GetIdNamespace", "GET", "/idnamespaces/{idNamespaceName}", false, GetIdNamespace);
        routes.Rest("entityresolution", "ListIdNamespaces", "GET", "/idnamespaces", false, ListIdNamespaces);
        routes.Rest("entityresolution", "CreateIdNamespace", "POST", "/idnamespaces", true, CreateIdNamespace);
    }

    private static readonly string[] Types = ["SOURCE", "TARGET"];

    private static OperationResult CreateIdNamespace(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "idNamespaceName", true, 1, 255, Patterns.IdNamespaceName());
        var description = v.String(body, "description", false, 0, 255);
        var type = v.Enum(body, "type", true, Types);
        v.String(body, "roleArn", false, 32, 512);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        // Entity Resolution's ValidationException carries only a message (facts §5).
        if (v.Error is { } error) throw new AwsServiceError("ValidationException", 400, error.Message);

        var world = context.World;
        if (world.State.IdNamespaces.Any(n => n.AccountId == context.AccountId && n.Name == name))
            throw new AwsServiceError("ConflictException", 400, $"The idnamespace {name} already exists.");

        var now = world.Now();
        var idNamespace = new IdNamespaceRecord { AccountId = context.AccountId, Name = name!, Type = type!, Description = description, CreatedAt = now, UpdatedAt = now };
        world.State.IdNamespaces.Add(idNamespace);
        if (tags is { Count: > 0 }) world.State.Tags[world.IdNamespaceArn(idNamespace)] = tags;
        return OperationResult.Json(Full(world, idNamespace));
    }

    private static OperationResult GetIdNamespace(OperationContext context)
    {
        var world = context.World;
        var nameOrArn = context.Label("idNamespaceName");
        var isArn = nameOrArn.StartsWith("arn:", StringComparison.Ordinal);
        if (nameOrArn.Length is < 1 or > 255 || (isArn ? !Patterns.IdNamespaceArn().IsMatch(nameOrArn) : !Patterns.IdNamespaceName().IsMatch(nameOrArn)))
            throw new AwsServiceError("ValidationException", 400, $"1 validation error detected: Value '{nameOrArn}' at 'idNamespaceName' failed to satisfy constraint.");

        var idNamespace = world.State.IdNamespaces.FirstOrDefault(n =>
                              n.AccountId == context.AccountId && (isArn ? world.IdNamespaceArn(n) == nameOrArn : n.Name == nameOrArn))
                          ?? throw new AwsServiceError("ResourceNotFoundException", 404, $"The idnamespace {nameOrArn} does not exist.");

        return OperationResult.Json(Full(world, idNamespace));
    }

    private static JsonObject Full(World world, IdNamespaceRecord idNamespace)
    {
        var json = Summary(world, idNamespace);
        json["idMappingWorkflowProperties"] = new JsonArray(new JsonObject { ["idMappingType"] = "PROVIDER" });
        json["inputSourceConfig"] = new JsonArray();
        var tags = world.State.Tags.GetValueOrDefault(world.IdNamespaceArn(idNamespace)) ?? new SortedDictionary<string, string>();
        json["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        return json;
    }

    private static OperationResult ListIdNamespaces(OperationContext context)
    {
        var world = context.World;
        var items = world.State.IdNamespaces.Where(n => n.AccountId == context.AccountId).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var (page, next) = Paginator.Page(context, items, maxAllowed: 25, defaultPageSize: 25);
        var response = new JsonObject { ["idNamespaceSummaries"] = new JsonArray(page.Select(n => (JsonNode)Summary(world, n)).ToArray()) };
        if (next is not null) response["nextToken"] = next;
        return OperationResult.Json(response);
    }

    private static JsonObject Summary(World world, IdNamespaceRecord n)
    {
        var json = new JsonObject
        {
            ["idNamespaceName"] = n.Name,
            ["idNamespaceArn"] = world.IdNamespaceArn(n),
            ["type"] = n.Type,
            ["createdAt"] = n.CreatedAt,
            ["updatedAt"] = n.UpdatedAt,
        };
        if (n.Description is not null) json["description"] = n.Description;
        return json;
    }
}
