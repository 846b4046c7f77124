using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

/// <param name="Tags">Null when not read (the config names no tags).</param>
public sealed record IdNamespaceAssociationState(
    string Id,
    string Arn,
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    bool AllowUseAsDimensionColumn,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedState
{
    public ITaggedState WithTags(IReadOnlyDictionary<string, string> tags) => this with { Tags = tags };
}
