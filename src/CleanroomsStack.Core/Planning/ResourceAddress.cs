using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// A stable, human-readable address: collaboration id, then the path of (kind, name) segments below it,
/// e.g. <c>27b9…/table-association[acx_part_a]/analysis-rule[CUSTOM]</c>. Sorting by address orders a plan.
/// </summary>
public sealed record ResourceAddress(string CollaborationId, ResourceKind Kind, string Name, ResourceAddress? Parent = null)
    : IComparable<ResourceAddress>
{
    public static ResourceAddress Membership(string collaborationId) =>
        new(collaborationId, MembershipKind.Instance, collaborationId);

    public ResourceAddress Child(ResourceKind kind, string name) => new(CollaborationId, kind, name, this);

    public override string ToString() => Kind.Parent is null
        ? $"membership[{CollaborationId}]"
        : $"{Parent ?? Membership(CollaborationId)}/{Kind.AddressSegment}[{Name}]";

    public int CompareTo(ResourceAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());
}
