using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Entity Resolution ID namespaces associated to a membership.</summary>
public static class IdNamespaceAssociationHandlers
{
    private const string Collection = "/memberships/{membershipIdentifier}/idnamespaceassociations";
    private const string Item = Collection + "/{idNamespaceAssociationIdentifier}";

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateIdNamespaceAssociation", "POST", Collection, true, Create);
        routes.Rest("cleanrooms", "ListIdNamespaceAssociations", "GET", Collection, false, List);
        routes.Rest("cleanrooms", "GetIdNamespaceAssociation", "GET", Item, false, Get);
        routes.Rest("cleanrooms", "UpdateIdNamespaceAssociation", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteIdNamespaceAssociation", "DELETE", Item, true, Delete);
    }

    private static OperationResult Create(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 1, 100, Patterns.DisplayName());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var reference = v.Object(body, "inputReferenceConfig", true);
        var arn = v.String(reference, "inputReferenceConfig.inputReferenceArn", reference is not null, 0, 256, Patterns.IdNamespaceArn());
        var manage = v.Bool(reference, "inputReferenceConfig.manageResourcePolicies", reference is not null);
        var mapping = v.Object(body, "idMappingConfig", false);
        var dimension = v.Bool(mapping, "idMappingConfig.allowUseAsDimensionColumn", false);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        var world = context.World;
        var membership = Lookups.ActiveMembership(context);
        // Only an ID namespace the caller owns can be associated (API reference of CreateIdNamespaceAssociation).
        var idNamespace = world.State.IdNamespaces.FirstOrDefault(n => world.IdNamespaceArn(n) == arn && n.AccountId == context.AccountId)
                          ?? throw Errors.Validation("inputReferenceConfig.inputReferenceArn",
                              $"ID namespace {arn} does not exist or is not owned by account {context.AccountId}");

        var siblings = world.State.IdNamespaceAssociations.Where(a => a.MembershipId == membership.Id).ToList();
        var clash = siblings.FirstOrDefault(a => a.Name == name) ?? siblings.FirstOrDefault(a => a.InputReferenceArn == arn);
        if (clash is not null)
        {
            throw Errors.Conflict("ALREADY_EXISTS",
                $"ID namespace association '{clash.Name}' for {clash.InputReferenceArn} already exists in membership {membership.Id}.", clash.Id);
        }

        var quota = world.Options.Quotas.IdNamespaceAssociationsPerMembership;
        if (siblings.Count >= quota) throw Errors.QuotaExceeded("ID namespace associations per membership", quota);

        var now = world.Now();
        var association = new IdNamespaceAssociationRecord
        {
            Id = world.NewId(),
            MembershipId = membership.Id,
            Name = name!,
            Description = description,
            InputReferenceArn = arn!,
            ManageResourcePolicies = manage!.Value,
            AllowUseAsDimensionColumn = mapping is null ? null : dimension ?? false,
            CreateTime = now,
            UpdateTime = now,
        };
        world.State.IdNamespaceAssociations.Add(association);
        if (tags is { Count: > 0 }) world.State.Tags[world.IdNamespaceAssociationArn(membership, association)] = tags;
        return Single(world, membership, association, idNamespace.Type);
    }

    private static OperationResult List(OperationContext context)
    {
        var world = context.World;
        var membership = Lookups.Membership(context);
        var items = Lookups.Stable(context, world.State.IdNamespaceAssociations.Where(a => a.MembershipId == membership.Id), a => a.CreateTime, a => a.Id);
        return OperationResult.Json(Paginator.ListResponse(context, "idNamespaceAssociationSummaries", items,
            a => CleanRoomsJson.IdNamespaceAssociationSummary(world, membership, a, NamespaceType(world, a))));
    }

    private static OperationResult Get(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var association = Lookups.IdNamespaceAssociation(context, membership);
        return Single(context.World, membership, association, NamespaceType(context.World, association));
    }

    private static OperationResult Update(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var association = Lookups.IdNamespaceAssociation(context, membership);
        var v = new FieldValidator();
        var name = v.String(context.Body, "name", false, 1, 100, Patterns.DisplayName());
        var description = v.String(context.Body, "description", false, 0, 255, Patterns.Description());
        var mapping = v.Object(context.Body, "idMappingConfig", false);
        var dimension = v.Bool(mapping, "idMappingConfig.allowUseAsDimensionColumn", mapping is not null);
        v.ThrowIfInvalid();

        var world = context.World;
        if (name is not null && world.State.IdNamespaceAssociations.Any(a => a.MembershipId == membership.Id && a.Id != association.Id && a.Name == name))
            throw Errors.Validation("name", $"An ID namespace association named '{name}' already exists in this membership");

        if (name is not null) association.Name = name;
        if (description is not null) association.Description = description;
        if (dimension is not null) association.AllowUseAsDimensionColumn = dimension;
        association.UpdateTime = world.UpdatedSince(association.UpdateTime);
        return Single(world, membership, association, NamespaceType(world, association));
    }

    private static OperationResult Delete(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var association = Lookups.IdNamespaceAssociation(context, membership);
        context.World.State.IdNamespaceAssociations.Remove(association);
        context.World.State.Tags.Remove(context.World.IdNamespaceAssociationArn(membership, association));
        return OperationResult.NoContent();
    }

    /// <summary>The namespace's type as Entity Resolution reports it; SOURCE if it was deleted since.</summary>
    private static string NamespaceType(World world, IdNamespaceAssociationRecord association) =>
        world.State.IdNamespaces.FirstOrDefault(n => world.IdNamespaceArn(n) == association.InputReferenceArn)?.Type ?? "SOURCE";

    private static OperationResult Single(World world, MembershipRecord m, IdNamespaceAssociationRecord a, string namespaceType) =>
        OperationResult.Json(new JsonObject
        {
            ["idNamespaceAssociation"] = CleanRoomsJson.IdNamespaceAssociation(world, m, a, namespaceType),
        });
}
