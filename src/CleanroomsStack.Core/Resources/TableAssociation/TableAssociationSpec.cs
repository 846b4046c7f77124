namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <summary>A configured table association the config asks for, with its collaboration analysis rule.</summary>
public sealed record TableAssociationSpec(
    string Name,
    string ConfiguredTableId,
    string TableName,
    string RoleArn,
    string? Description,
    AnalysisRule.AnalysisRuleSpec Rule);
