using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// A schema's <c>schemaStatusDetails</c> as AWS's SchemaStatusDetail: a DIRECT_ANALYSIS entry for the configured
/// table's rule, and an ADDITIONAL_ANALYSIS entry when the table's rule or the association's rule lets additional
/// analyses (Clean Rooms ML) use the table; each READY, or NOT_READY with SchemaStatusReason codes. Readiness takes
/// time (aws-semantics #10): a rule counts only once <see cref="AwsBehaviour.ReadinessDelayMs"/> has passed since it
/// was created, so right after the rules are put in place the status still says what was missing before.
/// </summary>
public static class SchemaStatus
{
    private const string Direct = "DIRECT_ANALYSIS";
    private const string Additional = "ADDITIONAL_ANALYSIS";

    public static IEnumerable<JsonNode> Details(World world, ConfiguredTableRecord table, TableAssociationRecord association, CollaborationRecord collaboration)
    {
        bool Settled(double createTime) => createTime <= world.Now() - world.Faults.Behaviour.ReadinessDelayMs / 1000.0;
        var rules = association.Rules.Where(r => Settled(r.CreateTime)).ToList();
        if (table.Rules.Count == 0)
            yield return Detail(Direct, null, DirectReasons(null, null, collaboration));
        foreach (var tableRule in table.Rules.OrderBy(r => r.Type, StringComparer.Ordinal))
        {
            var settled = Settled(tableRule.CreateTime) ? tableRule : null;
            // The association's rule of the table's type; else one of another type, which can't apply to this table.
            var rule = rules.FirstOrDefault(r => r.Type == tableRule.Type) ?? rules.FirstOrDefault();
            yield return Detail(Direct, tableRule.Type, DirectReasons(settled, rule, collaboration));
            if (tableRule.AdditionalAnalyses is "ALLOWED" or "REQUIRED" || association.Rules.Any(r => r.AllowedAdditionalAnalyses is { Count: > 0 }))
                yield return Detail(Additional, tableRule.Type, AdditionalReasons(settled, rule));
        }
    }

    private static IEnumerable<JsonObject> DirectReasons(ConfiguredTableRuleRecord? tableRule, AssociationRuleRecord? rule, CollaborationRecord collaboration)
    {
        if (tableRule is null)
        {
            yield return Reason("ANALYSIS_RULE_MISSING", "The configured table has no analysis rule.");
            yield break;
        }
        if (tableRule.Type == "CUSTOM" && tableRule.AllowedAnalyses is not { Count: > 0 })
            yield return Reason("ANALYSIS_TEMPLATES_NOT_CONFIGURED", "The custom analysis rule allows no analyses.");
        if (rule is null)
            yield return Reason("COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED", "The configured table association has no collaboration analysis rule.");
        else if (rule.Type != tableRule.Type)
            yield return Reason("ANALYSIS_RULE_TYPES_NOT_COMPATIBLE", $"The collaboration analysis rule is {rule.Type}, but the configured table's rule is {tableRule.Type}.");
        else if (rule.AllowedResultReceivers is not { Count: > 0 })
            yield return Reason("RESULT_RECEIVERS_NOT_CONFIGURED", "No member is allowed to receive results for this table.");
        else if (rule.AllowedResultReceivers.Any(a => !collaboration.Members.Any(m => m.AccountId == a && m.Abilities.Contains("CAN_RECEIVE_RESULTS"))))
            yield return Reason("RESULT_RECEIVERS_NOT_ALLOWED", "An allowed result receiver can't receive results in this collaboration.");
    }

    private static IEnumerable<JsonObject> AdditionalReasons(ConfiguredTableRuleRecord? tableRule, AssociationRuleRecord? rule)
    {
        if (tableRule is null)
            yield return Reason("ANALYSIS_RULE_MISSING", "The configured table has no analysis rule.");
        else if (tableRule.AdditionalAnalyses is not ("ALLOWED" or "REQUIRED"))
            yield return Reason("ADDITIONAL_ANALYSES_NOT_ALLOWED", "The configured table's analysis rule doesn't allow additional analyses.");
        if (rule is null)
            yield return Reason("COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED", "The configured table association has no collaboration analysis rule.");
        else if (rule.AllowedAdditionalAnalyses is not { Count: > 0 })
            yield return Reason("ADDITIONAL_ANALYSES_NOT_CONFIGURED", "The collaboration analysis rule allows no additional analyses.");
    }

    private static JsonObject Detail(string analysisType, string? ruleType, IEnumerable<JsonObject> reasons)
    {
        var list = new JsonArray([.. reasons]);
        var detail = new JsonObject { ["status"] = list.Count == 0 ? "READY" : "NOT_READY", ["reasons"] = list };
        if (ruleType is not null) detail["analysisRuleType"] = ruleType;
        detail["configurations"] = new JsonArray();
        detail["analysisType"] = analysisType;
        return detail;
    }

    private static JsonObject Reason(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
