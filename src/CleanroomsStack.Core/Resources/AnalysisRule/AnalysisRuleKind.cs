using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
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

    /// <summary>The result receivers every association's rule allows, resolved once for the collaboration (empty after an error).</summary>
    internal static IReadOnlyList<string> Receivers(KindExpansion scope) =>
        ResultReceiverResolver.Resolve(scope.Settings.AnalysisRule.Receivers, scope.Collaboration, scope.Inventory.Caller.AccountId, scope.Diagnostics) ?? [];

    /// <summary>
    /// The rule of one table's association. AWS makes a table queryable only through a collaboration rule of the type of the
    /// table's own rule (one per table), so the type is the table's (<c>auto</c>) or must equal it; a table without a rule
    /// can't be queried at all. Null, after an error naming the table, when the rule can't fit.
    /// </summary>
    internal static AnalysisRuleSpec? ForTable(KindExpansion scope, Inventory.ConfiguredTableInfo table, IReadOnlyList<string> receivers)
    {
        var settings = scope.Settings.AnalysisRule;
        var tableType = (table.RuleTypes ?? []).FirstOrDefault(t => t is "CUSTOM" or "LIST" or "AGGREGATION");
        if (tableType is null)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TableHasNoRule,
                $"configured table '{table.Name}' has no analysis rule, so AWS can't make it queryable in '{scope.CollaborationName}'",
                settings.Location, $"add a configured table analysis rule (CUSTOM, LIST or AGGREGATION) to '{table.Name}', or leave it out with tables.exclude"));
            return null;
        }
        var type = settings.Type == AnalysisRuleSettings.Auto ? tableType : settings.Type;
        if (type != tableType)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleTypeMismatch,
                $"analysisRule.type is {type} but configured table '{table.Name}' has a {tableType} rule; AWS accepts only a collaboration rule of the table's type",
                settings.Location, $"set analysisRule.type: auto (each table's own type) or {tableType}, or leave '{table.Name}' out with tables.exclude"));
            return null;
        }
        if (type == "AGGREGATION" && settings.AllowedAdditionalAnalyses.Count > 0)
        {
            scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleTypeMismatch,
                $"configured table '{table.Name}' has an AGGREGATION rule, which allows no additional analyses, but analysisRule.allowedAdditionalAnalyses lists some",
                settings.Location, $"remove allowedAdditionalAnalyses, or leave '{table.Name}' out with tables.exclude"));
            return null;
        }
        return new AnalysisRuleSpec(type, receivers, settings.AllowedAdditionalAnalyses);
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
