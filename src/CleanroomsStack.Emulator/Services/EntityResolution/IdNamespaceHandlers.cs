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

        var json = Summary(world, idNamespace);
        json.Remove("idMappingWorkflowProperties");
        json["idMappingWorkflowProperties"] = new JsonArray(new JsonObject { ["idMappingType"] = "PROVIDER" });
        json["inputSourceConfig"] = new JsonArray();
        if (world.State.Tags.TryGetValue(world.IdNamespaceArn(idNamespace), out var tags))
            json["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        else
            json["tags"] = new JsonObject();
        return OperationResult.Json(json);
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
