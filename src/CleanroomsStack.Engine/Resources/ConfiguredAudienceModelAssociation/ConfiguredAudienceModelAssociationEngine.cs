using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.ConfiguredAudienceModelAssociation;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Resources.ConfiguredAudienceModelAssociation;

/// <summary>Finds the configured audience models associated with a membership, by name and id.</summary>
internal sealed class ConfiguredAudienceModelAssociationEngine : ForeignKindEngine
{
    public override ForeignKind Kind => ConfiguredAudienceModelAssociationKind.Instance;

    public override async Task<IReadOnlyList<ForeignResource>> ReadAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        (await api.ListConfiguredAudienceModelAssociationsAsync(membershipId, ct)).Select(a => new ForeignResource(Kind, a.Id, a.Name)).ToList();
}
