using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.IdMappingTable;

/// <param name="Tags">Null when not read (the config names no tags).</param>
public sealed record IdMappingTableState(
    string Id,
    string Arn,
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    string? KmsKeyArn,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedState
{
    public ITaggedState WithTags(IReadOnlyDictionary<string, string> tags) => this with { Tags = tags };
}
