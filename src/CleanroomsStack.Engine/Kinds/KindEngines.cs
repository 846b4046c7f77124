using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Engine.Resources.AnalysisRule;
using CleanroomsStack.Engine.Resources.AnalysisTemplate;
using CleanroomsStack.Engine.Resources.IdMappingTable;
using CleanroomsStack.Engine.Resources.IdNamespaceAssociation;
using CleanroomsStack.Engine.Resources.Membership;
using CleanroomsStack.Engine.Resources.TableAssociation;

namespace CleanroomsStack.Engine.Kinds;

/// <summary>The engine halves of the kinds in <see cref="ResourceKinds.All"/>, one each (a test checks none is missing).</summary>
internal static class KindEngines
{
    public static IReadOnlyList<KindEngine> All { get; } =
    [
        new MembershipEngine(),
        new TableAssociationEngine(),
        new AnalysisRuleEngine(),
        new IdNamespaceAssociationEngine(),
        new IdMappingTableEngine(),
        new AnalysisTemplateEngine(),
    ];

    private static readonly IReadOnlyDictionary<ResourceKind, KindEngine> ByKind = All.ToDictionary(e => e.Kind);

    public static KindEngine For(ResourceKind kind) =>
        ByKind.TryGetValue(kind, out var engine) ? engine : throw new InvalidOperationException($"no engine for the {kind} kind");
}
