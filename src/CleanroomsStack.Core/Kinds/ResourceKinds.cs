using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.AnalysisTemplate;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Kinds;

/// <summary>The registry: every kind the tool manages. Adding a kind is adding it here (and its folders).</summary>
public static class ResourceKinds
{
    /// <summary>Every kind, parents before children.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        MembershipKind.Instance,
        TableAssociationKind.Instance,
        AnalysisRuleKind.Instance,
        IdNamespaceAssociationKind.Instance,
        IdMappingTableKind.Instance,
        AnalysisTemplateKind.Instance,
    ];

    /// <summary>The kinds that live directly in a membership, each planned, read and exported on its own.</summary>
    public static IReadOnlyList<MembershipChildKind> InMembership { get; } = All.OfType<MembershipChildKind>().ToList();

    /// <summary>The deepest <see cref="ResourceKind.Level"/>: apply ranks are counted from it.</summary>
    public static int MaxLevel { get; } = All.Max(k => k.Level);

    public static ResourceKind? BySegment(string segment) => All.FirstOrDefault(k => k.AddressSegment == segment);
}
