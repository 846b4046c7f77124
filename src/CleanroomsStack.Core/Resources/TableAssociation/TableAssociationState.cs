using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <param name="Tags">Null when not read (the config names no tags).</param>
public sealed record TableAssociationState(
    string Id,
    string Arn,
    string Name,
    string ConfiguredTableId,
    string RoleArn,
    string? Description,
    IReadOnlyList<AnalysisRule.AnalysisRuleState> Rules,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedState
{
    public ITaggedState WithTags(IReadOnlyDictionary<string, string> tags) => this with { Tags = tags };
}
