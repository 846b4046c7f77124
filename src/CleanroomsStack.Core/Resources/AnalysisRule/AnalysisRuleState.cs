namespace CleanroomsStack.Core.Resources.AnalysisRule;

public sealed record AnalysisRuleState(
    string Type,
    IReadOnlyList<string> AllowedResultReceivers,
    IReadOnlyList<string> AllowedAdditionalAnalyses);
