using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.IdMappingTable;

/// <summary>ID mapping tables: listed and got (kmsKeyArn is only in the full shape), created, updated (description, KMS key), deleted.</summary>
internal sealed class IdMappingTableEngine : MembershipChildEngine<IdMappingTableSpec>
{
    public override ResourceKind Kind => IdMappingTableKind.Instance;

    public override async Task<KindValues> ReadAsync(LiveReadContext context, MembershipSummary membership, KindValues children, CancellationToken ct) =>
        children.With(Kind, await ReadListedAsync(context, membership,
            () => context.Api.ListIdMappingTablesAsync(membership.Id, ct),
            s => context.Api.GetIdMappingTableAsync(membership.Id, s.Id, ct),
            t => new IdMappingTableState(t.Id, t.Arn, t.Name, t.InputReferenceConfig.InputReferenceArn,
                t.InputReferenceConfig.ManageResourcePolicies, t.Description, t.KmsKeyArn),
            t => t.Name, ct));

    protected override async Task<IVersionedResource> CreateAsync(ICleanRoomsApi api, string membershipId, IdMappingTableSpec spec, CancellationToken ct) =>
        await api.CreateIdMappingTableAsync(new CreateIdMappingTableRequest(membershipId, spec.Name,
            new IdMappingTableInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description, spec.KmsKeyArn, spec.Tags), ct);

    protected override async Task<IVersionedResource> UpdateAsync(ICleanRoomsApi api, string membershipId, string id, IdMappingTableSpec spec, CancellationToken ct) =>
        await api.UpdateIdMappingTableAsync(new UpdateIdMappingTableRequest(membershipId, id, spec.Description, spec.KmsKeyArn), ct);

    protected override Task DeleteAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct) =>
        api.DeleteIdMappingTableAsync(membershipId, id, ct);

    protected override async Task<IReadOnlyList<IVersionedResource>> ListAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        await api.ListIdMappingTablesAsync(membershipId, ct);

    protected override async Task<string?> FindAsync(ICleanRoomsApi api, string membershipId, IdMappingTableSpec spec, AwsApiException? conflict,
        CancellationToken ct) =>
        (await api.ListIdMappingTablesAsync(membershipId, ct)).FirstOrDefault(t => SameName(t.Name, spec.Name))?.Id;

    // An adopted table keeps its description and key until the next run's plan updates them.
    protected override Task AlignAsync(ICleanRoomsApi api, string membershipId, string id, IdMappingTableSpec spec, CancellationToken ct) =>
        Task.CompletedTask;
}
