using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <summary>A configured table association the config asks for, with its collaboration analysis rule.</summary>
/// <param name="Tags">Set when the association is created, and kept: the keys named here are compared on every plan.</param>
public sealed record TableAssociationSpec(
    string Name,
    string ConfiguredTableId,
    string TableName,
    string RoleArn,
    string? Description,
    AnalysisRule.AnalysisRuleSpec Rule,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedSpec;
