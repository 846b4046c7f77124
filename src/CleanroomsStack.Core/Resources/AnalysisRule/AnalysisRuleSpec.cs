namespace CleanroomsStack.Core.Resources.AnalysisRule;

/// <summary>A collaboration analysis rule on a table association. Type is CUSTOM, LIST or AGGREGATION.</summary>
public sealed record AnalysisRuleSpec(
    string Type,
    IReadOnlyList<string> AllowedResultReceivers,
    IReadOnlyList<string> AllowedAdditionalAnalyses);
