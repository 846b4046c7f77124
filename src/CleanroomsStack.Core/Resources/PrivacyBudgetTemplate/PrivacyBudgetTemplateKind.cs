using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Resources.PrivacyBudgetTemplate;

/// <summary>
/// A membership's privacy budget template (differential privacy: epsilon and noise per query; at most one per
/// membership), set up by whoever runs queries. Not managed here, so a membership holding one can't be left by this tool.
/// </summary>
public sealed class PrivacyBudgetTemplateKind : ForeignKind
{
    public static PrivacyBudgetTemplateKind Instance { get; } = new();

    private PrivacyBudgetTemplateKind() { }

    public override string DisplayName => "privacy budget template";
    public override OperationPermission List { get; } = OperationPermissions.PlanningRead("ListPrivacyBudgetTemplates");
}
