using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.AnalysisRule;

/// <summary>Turns a rule spec into the AWS policy union, whose single variant must match the rule type.</summary>
internal static class PolicyMapping
{
    public static AnalysisRulePolicy ToPolicy(AnalysisRuleSpec spec)
    {
        var variant = new AnalysisRulePolicyVariant(spec.AllowedResultReceivers.ToList(), spec.AllowedAdditionalAnalyses.ToList());
        var v1 = spec.Type switch
        {
            "CUSTOM" => new AnalysisRulePolicyV1(Custom: variant),
            "LIST" => new AnalysisRulePolicyV1(List: variant),
            "AGGREGATION" => new AnalysisRulePolicyV1(Aggregation: variant),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "rule type was validated by the config loader"),
        };
        return new AnalysisRulePolicy(v1);
    }
}
