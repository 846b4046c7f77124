using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Entity Resolution ID namespaces associated to a membership; unlike the other children, their name can change.</summary>
public sealed class IdNamespaceAssociationHandlers : MembershipChildKind<IdNamespaceAssociationRecord>
{
    public IdNamespaceAssociationHandlers()
        : base(new ChildKindNames("IdNamespaceAssociation", "idnamespaceassociations", "idNamespaceAssociation",
                "ID_NAMESPACE_ASSOCIATION", "ID namespace association", "ID namespace associations per membership"),
            state => state.IdNamespaceAssociations, quotas => quotas.IdNamespaceAssociationsPerMembership)
    {
    }

    public override string Arn(World world, MembershipRecord membership, IdNamespaceAssociationRecord child) =>
        world.IdNamespaceAssociationArn(membership, child);

    protected override CreateRequest<IdNamespaceAssociationRecord> ParseCreate(JsonObject body)
    {
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

        return new CreateRequest<IdNamespaceAssociationRecord>(n => new IdNamespaceAssociationRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            Name = name!,
            Description = description,
            InputReferenceArn = arn!,
            ManageResourcePolicies = manage!.Value,
            AllowUseAsDimensionColumn = mapping is null ? null : dimension ?? false,
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    protected override UpdateRequest<IdNamespaceAssociationRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        var name = v.String(body, "name", false, 1, 100, Patterns.DisplayName());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var mapping = v.Object(body, "idMappingConfig", false);
        var dimension = v.Bool(mapping, "idMappingConfig.allowUseAsDimensionColumn", mapping is not null);
        v.ThrowIfInvalid();

        return new UpdateRequest<IdNamespaceAssociationRecord>(name, association =>
        {
            if (description is not null) association.Description = description;
            if (dimension is not null) association.AllowUseAsDimensionColumn = dimension;
        });
    }

    /// <summary>Only an ID namespace the caller owns can be associated (API reference), and only once per membership.</summary>
    protected override void CheckCreate(OperationContext context, MembershipRecord membership, IdNamespaceAssociationRecord child)
    {
        var world = context.World;
        if (!world.State.IdNamespaces.Any(n => n.AccountId == context.AccountId && world.IdNamespaceArn(n) == child.InputReferenceArn))
        {
            throw Errors.Validation("inputReferenceConfig.inputReferenceArn",
                $"ID namespace {child.InputReferenceArn} does not exist or is not owned by account {context.AccountId}");
        }

        var sameNamespace = Store(world.State).In(membership.Id).FirstOrDefault(a => a.InputReferenceArn == child.InputReferenceArn);
        if (sameNamespace is not null)
        {
            throw Errors.Conflict("ALREADY_EXISTS",
                $"ID namespace {child.InputReferenceArn} is already associated to membership {membership.Id} as '{sameNamespace.Name}'.",
                sameNamespace.Id, Names.ResourceType);
        }
    }

    protected override JsonObject Summary(World world, MembershipRecord membership, IdNamespaceAssociationRecord child) =>
        CleanRoomsJson.IdNamespaceAssociationSummary(world, membership, child, NamespaceType(world, child));

    protected override JsonObject Full(World world, MembershipRecord membership, IdNamespaceAssociationRecord child) =>
        CleanRoomsJson.IdNamespaceAssociation(world, membership, child, NamespaceType(world, child));

    /// <summary>The namespace's type as Entity Resolution reports it; SOURCE if it was deleted since.</summary>
    public static string NamespaceType(World world, IdNamespaceAssociationRecord association) =>
        world.State.IdNamespaces.FirstOrDefault(n => world.IdNamespaceArn(n) == association.InputReferenceArn)?.Type ?? "SOURCE";
}
