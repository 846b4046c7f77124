using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// One planned change: where, what, why, and the attribute diffs. The typed subclasses carry what the applier
/// needs (the desired spec and the live ids), so applying never re-derives intent.
/// </summary>
public abstract record ResourceChange(ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs)
{
    public ResourceKind Kind => Address.Kind;
}

public sealed record MembershipChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    MembershipSpec? Desired, MembershipState? Live)
    : ResourceChange(Address, Action, Reason, Diffs);

/// <param name="MembershipId">Null when the membership itself is created by this plan.</param>
/// <param name="Order">For a replacement: whether the old association goes before or after the new one is created.</param>
public sealed record TableAssociationChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    string? MembershipId, TableAssociationSpec? Desired, TableAssociationState? Live,
    ReplacementOrder Order = ReplacementOrder.DeleteFirst)
    : ResourceChange(Address, Action, Reason, Diffs);

/// <param name="AssociationId">Null when the association is created (or replaced) by this plan.</param>
public sealed record AnalysisRuleChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    string? MembershipId, string? AssociationId, AnalysisRuleSpec? Desired, AnalysisRuleState? Live)
    : ResourceChange(Address, Action, Reason, Diffs);

/// <param name="Order">For a replacement: whether the old association goes before or after the new one is created.</param>
public sealed record IdNamespaceAssociationChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    string? MembershipId, IdNamespaceAssociationSpec? Desired, IdNamespaceAssociationState? Live,
    ReplacementOrder Order = ReplacementOrder.DeleteFirst)
    : ResourceChange(Address, Action, Reason, Diffs);

/// <param name="Order">For a replacement: whether the old table goes before or after the new one is created.</param>
public sealed record IdMappingTableChange(
    ResourceAddress Address, ChangeAction Action, string Reason, IReadOnlyList<AttributeDiff> Diffs,
    string? MembershipId, IdMappingTableSpec? Desired, IdMappingTableState? Live,
    ReplacementOrder Order = ReplacementOrder.DeleteFirst)
    : ResourceChange(Address, Action, Reason, Diffs);

/// <summary>
/// How a replacement is carried out. CreateFirst keeps the old resource serving until the new one exists, but needs
/// a free slot under the per-membership quota; DeleteFirst frees the slot first.
/// </summary>
public enum ReplacementOrder { DeleteFirst, CreateFirst }
