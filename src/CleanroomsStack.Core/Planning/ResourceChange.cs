using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// One planned change: where, what, why, and the attribute diffs, plus what the applier needs so applying never
/// re-derives intent. Every kind uses this one type; <see cref="Desired"/> and <see cref="Live"/> hold the kind's own
/// spec and state, read only by that kind's code.
/// </summary>
/// <param name="MembershipId">The membership's id; null when the membership itself is created by this plan.</param>
/// <param name="LiveId">The AWS id of the live resource this change updates, replaces or deletes (for a rule: its association's).</param>
/// <param name="ParentId">For a kind inside another resource than the membership: that parent's id, null when this plan creates it.</param>
/// <param name="Order">For a replacement: whether the old resource goes before or after the new one is created.</param>
/// <param name="DeletedOutside">
/// For a create: the resource is in the membership's record of what the last `up` applied (<see cref="ManagedRecord"/>),
/// so it existed and someone deleted it outside the config. That is drift; a create of anything else is pending work.
/// </param>
public sealed record ResourceChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    string? MembershipId = null, string? LiveId = null, string? ParentId = null,
    ReplacementOrder Order = ReplacementOrder.DeleteFirst, object? Desired = null, object? Live = null, bool DeletedOutside = false)
{
    public ResourceKind Kind => Address.Kind;

    /// <summary>The kind's spec of what should exist (null for a delete).</summary>
    public T DesiredAs<T>() where T : class =>
        Desired as T ?? throw new InvalidOperationException($"{Address} ({Action.Info().Verb}) carries no {typeof(T).Name}");

    /// <summary>The kind's live state (null for a create).</summary>
    public T LiveAs<T>() where T : class =>
        Live as T ?? throw new InvalidOperationException($"{Address} ({Action.Info().Verb}) carries no {typeof(T).Name}");
}

/// <summary>
/// How a replacement is carried out. CreateFirst keeps the old resource serving until the new one exists, but needs
/// a free slot under the per-membership quota; DeleteFirst frees the slot first.
/// </summary>
public enum ReplacementOrder { DeleteFirst, CreateFirst }
