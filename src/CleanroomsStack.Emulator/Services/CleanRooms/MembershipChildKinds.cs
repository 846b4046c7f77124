using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// Every membership child kind, in one list: routes, DeleteMembership's "still has children" check and the ARNs
/// TagResource accepts all come from here, so a new kind is its handler file, its records and one line below.
/// </summary>
public static class MembershipChildKinds
{
    public static readonly TableAssociationHandlers TableAssociations = new();
    public static readonly IdNamespaceAssociationHandlers IdNamespaceAssociations = new();
    public static readonly IdMappingTableHandlers IdMappingTables = new();
    public static readonly AnalysisTemplateHandlers AnalysisTemplates = new();
    public static readonly PrivacyBudgetTemplateHandlers PrivacyBudgetTemplates = new();
    public static readonly ConfiguredAudienceModelAssociationHandlers ConfiguredAudienceModelAssociations = new();

    public static IReadOnlyList<IMembershipChildKind> All { get; } =
        [TableAssociations, IdNamespaceAssociations, IdMappingTables, AnalysisTemplates, PrivacyBudgetTemplates, ConfiguredAudienceModelAssociations];

    public static void Register(RouteTable routes)
    {
        foreach (var kind in All) kind.Register(routes);
    }
}
