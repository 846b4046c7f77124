using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.IdNamespaceAssociation;

/// <summary>ID namespace associations: listed and got (idMappingConfig is only in the full shape), created, updated, deleted.</summary>
internal sealed class IdNamespaceAssociationEngine : MembershipChildEngine<IdNamespaceAssociationSpec>
{
    public override ResourceKind Kind => IdNamespaceAssociationKind.Instance;

    public override async Task<KindValues> ReadAsync(LiveReadContext context, MembershipSummary membership, KindValues children, CancellationToken ct) =>
        children.With(Kind, await ReadListedAsync(context, membership,
            () => context.Api.ListIdNamespaceAssociationsAsync(membership.Id, ct),
            s => context.Api.GetIdNamespaceAssociationAsync(membership.Id, s.Id, ct),
            a => new IdNamespaceAssociationState(a.Id, a.Arn, a.Name, a.InputReferenceConfig.InputReferenceArn,
                a.InputReferenceConfig.ManageResourcePolicies, a.Description, a.IdMappingConfig?.AllowUseAsDimensionColumn ?? false),
            a => a.Name, ct));

    public override string? HintFor(AwsApiException e) => e.Kind == AwsErrorKind.Validation
        ? "check the ID namespace ARN in `idNamespaceAssociations`: it must be an Entity Resolution ID namespace this account owns."
        : null;

    protected override async Task<IVersionedResource> CreateAsync(ICleanRoomsApi api, string membershipId, IdNamespaceAssociationSpec spec, CancellationToken ct) =>
        await api.CreateIdNamespaceAssociationAsync(new CreateIdNamespaceAssociationRequest(membershipId, spec.Name,
            new IdNamespaceInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description,
            new IdMappingConfig(spec.AllowUseAsDimensionColumn), spec.Tags), ct);

    protected override async Task<IVersionedResource> UpdateAsync(ICleanRoomsApi api, string membershipId, string id, IdNamespaceAssociationSpec spec, CancellationToken ct) =>
        await api.UpdateIdNamespaceAssociationAsync(new UpdateIdNamespaceAssociationRequest(membershipId, id, spec.Name, spec.Description,
            new IdMappingConfig(spec.AllowUseAsDimensionColumn)), ct);

    protected override Task DeleteAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct) =>
        api.DeleteIdNamespaceAssociationAsync(membershipId, id, ct);

    protected override async Task<IReadOnlyList<IVersionedResource>> ListAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        await api.ListIdNamespaceAssociationsAsync(membershipId, ct);

    protected override async Task<string?> FindAsync(ICleanRoomsApi api, string membershipId, IdNamespaceAssociationSpec spec, AwsApiException? conflict,
        CancellationToken ct)
    {
        var listed = await api.ListIdNamespaceAssociationsAsync(membershipId, ct);
        // A namespace can be associated once per membership, so the same ARN under another name is ours too.
        return (listed.FirstOrDefault(a => a.Name == spec.Name)
                ?? listed.FirstOrDefault(a => a.InputReferenceConfig.InputReferenceArn == spec.InputReferenceArn))?.Id;
    }

    protected override async Task AlignAsync(ICleanRoomsApi api, string membershipId, string id, IdNamespaceAssociationSpec spec, CancellationToken ct)
    {
        var live = await api.GetIdNamespaceAssociationAsync(membershipId, id, ct);
        if (live.InputReferenceConfig.InputReferenceArn != spec.InputReferenceArn)
            throw new AdoptionException($"an ID namespace association named '{live.Name}' already exists for another namespace ({live.InputReferenceConfig.InputReferenceArn})",
                "rename or delete that association, or change the name in `idNamespaceAssociations`, then run again.");
        var mapping = live.IdMappingConfig?.AllowUseAsDimensionColumn ?? false;
        if (live.Name != spec.Name || (live.Description ?? "") != (spec.Description ?? "") || mapping != spec.AllowUseAsDimensionColumn)
            await UpdateAsync(api, membershipId, id, spec, ct);
    }
}
