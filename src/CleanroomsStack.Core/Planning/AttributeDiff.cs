using System.Text.Json.Nodes;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// One attribute's change, keyed by its path in the AWS request shape (e.g. <c>analysisRulePolicy.v1.custom.allowedResultReceivers</c>).
/// Values are JSON values as the request carries them (text, booleans, arrays, objects); null means absent. Renderers
/// format them (<see cref="AttributeValue.Render"/>); the JSON plan carries them as they are. Diffs compare by value.
/// </summary>
public sealed record AttributeDiff(string Path, JsonNode? Before, JsonNode? After, bool ForcesReplacement = false)
{
    public bool Equals(AttributeDiff? other) =>
        other is not null && other.Path == Path && other.ForcesReplacement == ForcesReplacement
        && AttributeValue.Same(other.Before, Before) && AttributeValue.Same(other.After, After);

    public override int GetHashCode() => HashCode.Combine(Path, ForcesReplacement, Before?.ToJsonString(), After?.ToJsonString());

    public override string ToString() =>
        $"{Path}: {Before?.ToJsonString() ?? "null"} -> {After?.ToJsonString() ?? "null"}{(ForcesReplacement ? " (forces replacement)" : "")}";
}
