using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Policy;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Resources.AnalysisRule;

/// <summary>
/// The collaboration analysis rule on a table association. It lives in its association: the association's differ
/// plans it, and aws-native embeds it in the association's resource.
/// </summary>
public sealed class AnalysisRuleKind : ResourceKind
{
    public static AnalysisRuleKind Instance { get; } = new();

    private AnalysisRuleKind() { }

    public override string AddressSegment => "analysis-rule";
    public override string DisplayName => "collaboration analysis rule";
    public override ResourceKind? Parent => TableAssociationKind.Instance;
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { "type" };
    public override IReadOnlyList<SchemaProperty> ConfigKeys => [new("analysisRule", ConfigSchema.AnalysisRule)];
    public override string DocsHeading => "Collaboration analysis rules";
    public override string? PulumiType => null;

    public override IReadOnlyList<OperationPermission> Permissions { get; } =
    [
        // Planning reads the rules of up to 25 associations a call through their schemas.
        OperationPermissions.PlanningRead("BatchGetSchemaAnalysisRule"),
        OperationPermissions.PlanningRead("GetConfiguredTableAssociationAnalysisRule"),
        OperationPermissions.Write("CreateConfiguredTableAssociationAnalysisRule"),
        OperationPermissions.Write("UpdateConfiguredTableAssociationAnalysisRule"),
        OperationPermissions.Write("DeleteConfiguredTableAssociationAnalysisRule"),
    ];

    /// <summary>The rule every association of the collaboration gets, with its result receivers resolved.</summary>
    internal static AnalysisRuleSpec Expand(KindExpansion scope)
    {
        var settings = scope.Settings.AnalysisRule;
        var receivers = ResultReceiverResolver.Resolve(settings.Receivers, scope.Collaboration, scope.Inventory.Caller.AccountId, scope.Diagnostics);
        return new AnalysisRuleSpec(settings.Type, receivers ?? [], settings.AllowedAdditionalAnalyses);
    }

    /// <summary>The rule as aws-native embeds it; the policy union's variant key is the type in lower case.</summary>
    internal static PulumiMap Export(AnalysisRuleSpec rule)
    {
        var variant = PulumiMap.Of(
            ("allowedResultReceivers", PulumiProgramBuilder.Texts(rule.AllowedResultReceivers)),
            ("allowedAdditionalAnalyses", rule.AllowedAdditionalAnalyses.Count == 0 ? null : PulumiProgramBuilder.Texts(rule.AllowedAdditionalAnalyses)));
        var policy = PulumiMap.Of(("v1", PulumiMap.Of((rule.Type.ToLowerInvariant(), variant))));
        return PulumiMap.Of(("type", rule.Type), ("policy", policy));
    }
}
