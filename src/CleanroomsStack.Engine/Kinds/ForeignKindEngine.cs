using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Kinds;

/// <summary>The engine half of a <see cref="ForeignKind"/>: how to find its resources in a membership. It has nothing to apply.</summary>
internal abstract class ForeignKindEngine
{
    public abstract ForeignKind Kind { get; }

    public abstract Task<IReadOnlyList<ForeignResource>> ReadAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct);
}

/// <summary>The engine halves of the kinds in <see cref="ForeignKinds.All"/>, one each (a test checks none is missing).</summary>
internal static class ForeignKindEngines
{
    public static IReadOnlyList<ForeignKindEngine> All { get; } =
    [
        new Resources.PrivacyBudgetTemplate.PrivacyBudgetTemplateEngine(),
        new Resources.ConfiguredAudienceModelAssociation.ConfiguredAudienceModelAssociationEngine(),
    ];

    /// <summary>Every resource of every foreign kind in the membership, one listing per kind, all at once.</summary>
    public static async Task<IReadOnlyList<ForeignResource>> ReadAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct)
    {
        var reads = await Task.WhenAll(All.Select(e => e.ReadAsync(api, membershipId, ct)));
        return reads.SelectMany(r => r).ToList();
    }
}
