using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>ID mapping tables of a membership (Create / Get / List / Update / Delete), with the per-membership quota.</summary>
public static class IdMappingTableHandlers
{
    private const string Collection = "/memberships/{membershipIdentifier}/idmappingtables";
    private const string Item = Collection + "/{idMappingTableIdentifier}";

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateIdMappingTable", "POST", Collection, true, Create);
        routes.Rest("cleanrooms", "ListIdMappingTables", "GET", Collection, false, List);
        routes.Rest("cleanrooms", "GetIdMappingTable", "GET", Item, false, Get);
        routes.Rest("cleanrooms", "UpdateIdMappingTable", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteIdMappingTable", "DELETE", Item, true, Delete);
    }

    private static OperationResult Create(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 0, 128, Patterns.TableAlias());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var reference = v.Object(body, "inputReferenceConfig", true);
        var arn = v.String(reference, "inputReferenceConfig.inputReferenceArn", reference is not null, 20, 2048, Patterns.IdMappingWorkflowArn());
        var manage = v.Bool(reference, "inputReferenceConfig.manageResourcePolicies", reference is not null);
        var kms = v.String(body, "kmsKeyArn", false, 20, 2048, Patterns.KmsKeyArn());
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        var world = context.World;
        var membership = Lookups.ActiveMembership(context);
        var siblings = world.State.IdMappingTables.Where(t => t.MembershipId == membership.Id).ToList();
        var clash = siblings.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (clash is not null)
            throw Errors.Conflict("ALREADY_EXISTS", $"An ID mapping table named '{clash.Name}' already exists in membership {membership.Id}.", clash.Id);

        var quota = world.Options.Quotas.IdMappingTablesPerMembership;
        if (siblings.Count >= quota) throw Errors.QuotaExceeded("ID mapping tables per membership", quota);

        var now = world.Now();
        var table = new IdMappingTableRecord
        {
            Id = world.NewId(),
            MembershipId = membership.Id,
            Name = name!,
            Description = description,
            InputReferenceArn = arn!,
            ManageResourcePolicies = manage!.Value,
            KmsKeyArn = kms,
            CreateTime = now,
            UpdateTime = now,
        };
        world.State.IdMappingTables.Add(table);
        if (tags is { Count: > 0 }) world.State.Tags[world.IdMappingTableArn(membership, table)] = tags;
        return Single(world, membership, table);
    }

    private static OperationResult List(OperationContext context)
    {
        var world = context.World;
        var membership = Lookups.Membership(context);
        var items = Lookups.Stable(context, world.State.IdMappingTables.Where(t => t.MembershipId == membership.Id), t => t.CreateTime, t => t.Id);
        return OperationResult.Json(Paginator.ListResponse(context, "idMappingTableSummaries", items, t => Summary(world, membership, t)));
    }

    private static OperationResult Get(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        return Single(context.World, membership, Find(context, membership));
    }

    /// <summary>Only the description and the KMS key change in place; members left out stay as they are.</summary>
    private static OperationResult Update(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var table = Find(context, membership);
        var v = new FieldValidator();
        var description = v.String(context.Body, "description", false, 0, 255, Patterns.Description());
        var kms = v.String(context.Body, "kmsKeyArn", false, 20, 2048, Patterns.KmsKeyArn());
        v.ThrowIfInvalid();

        if (description is not null) table.Description = description;
        if (kms is not null) table.KmsKeyArn = kms;
        table.UpdateTime = context.World.UpdatedSince(table.UpdateTime);
        return Single(context.World, membership, table);
    }

    private static OperationResult Delete(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var table = Find(context, membership);
        context.World.State.IdMappingTables.Remove(table);
        context.World.State.Tags.Remove(context.World.IdMappingTableArn(membership, table));
        return OperationResult.NoContent();
    }

    private static IdMappingTableRecord Find(OperationContext context, MembershipRecord membership)
    {
        var id = Lookups.UuidLabel(context, "idMappingTableIdentifier");
        return context.World.State.IdMappingTables.FirstOrDefault(t => t.Id == id && t.MembershipId == membership.Id)
               ?? throw Errors.NotFound("ID_MAPPING_TABLE", id, "ID mapping table");
    }

    private static JsonObject Summary(World world, MembershipRecord m, IdMappingTableRecord t)
    {
        var json = new JsonObject
        {
            ["collaborationArn"] = world.CollaborationArn(world.Collaboration(m.CollaborationId)),
            ["collaborationId"] = m.CollaborationId,
            ["membershipId"] = m.Id,
            ["membershipArn"] = world.MembershipArn(m),
            ["createTime"] = t.CreateTime,
            ["updateTime"] = t.UpdateTime,
            ["id"] = t.Id,
            ["arn"] = world.IdMappingTableArn(m, t),
            ["inputReferenceConfig"] = new JsonObject
            {
                ["inputReferenceArn"] = t.InputReferenceArn,
                ["manageResourcePolicies"] = t.ManageResourcePolicies,
            },
            ["name"] = t.Name,
        };
        if (t.Description is not null) json["description"] = t.Description;
        return json;
    }

    /// <summary>The full shape; its input sources are the membership's ID namespace associations.</summary>
    private static OperationResult Single(World world, MembershipRecord m, IdMappingTableRecord t)
    {
        var json = Summary(world, m, t);
        var sources = world.State.IdNamespaceAssociations.Where(a => a.MembershipId == m.Id)
            .Select(a => (JsonNode)new JsonObject
            {
                ["idNamespaceAssociationId"] = a.Id,
                ["type"] = world.State.IdNamespaces.FirstOrDefault(n => world.IdNamespaceArn(n) == a.InputReferenceArn)?.Type ?? "SOURCE",
            }).ToArray();
        json["inputReferenceProperties"] = new JsonObject { ["idMappingTableInputSource"] = new JsonArray(sources) };
        if (t.KmsKeyArn is not null) json["kmsKeyArn"] = t.KmsKeyArn;
        return OperationResult.Json(new JsonObject { ["idMappingTable"] = json });
    }
}
