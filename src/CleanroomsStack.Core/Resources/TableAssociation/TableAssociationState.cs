namespace CleanroomsStack.Core.Resources.TableAssociation;

public sealed record TableAssociationState(
    string Id,
    string Arn,
    string Name,
    string ConfiguredTableId,
    string RoleArn,
    string? Description,
    IReadOnlyList<AnalysisRule.AnalysisRuleState> Rules);
