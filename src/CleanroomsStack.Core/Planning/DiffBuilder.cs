using System.Text.Json.Nodes;
using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Collects the attribute diffs of one resource. Whether a changed attribute forces replacement comes from the
/// resource kind's data (<see cref="ResourceKind.ReplaceOnChange"/>), never from the differ, so the rule lives in one place.
/// </summary>
public sealed class DiffBuilder(ResourceKind kind)
{
    private readonly List<AttributeDiff> _diffs = [];

    public IReadOnlyList<AttributeDiff> Diffs => _diffs;

    public bool ForcesReplacement => _diffs.Any(d => d.ForcesReplacement);

    /// <summary>Update if something changed, Replace if a changed attribute can't be updated in place, else NoOp.</summary>
    public ChangeAction Action => ForcesReplacement ? ChangeAction.Replace : _diffs.Count > 0 ? ChangeAction.Update : ChangeAction.NoOp;

    /// <summary>Records the attribute if it differs between live and desired.</summary>
    public DiffBuilder Compare(string path, JsonNode? before, JsonNode? after)
    {
        if (!AttributeValue.Same(before, after))
            _diffs.Add(new AttributeDiff(path, before, after, kind.ReplaceOnChange.Contains(path)));
        return this;
    }

    public DiffBuilder Compare(string path, string? before, string? after) => Compare(path, AttributeValue.Of(before), AttributeValue.Of(after));

    public DiffBuilder Compare(string path, bool before, bool after) => Compare(path, AttributeValue.Of(before), AttributeValue.Of(after));

    /// <summary>
    /// For optional text the config may leave unset: unset (null) means "not managed", so nothing is compared; and
    /// empty equals absent, because AWS may drop an empty value. Set it to "" to clear a value.
    /// </summary>
    public DiffBuilder CompareOptional(string path, string? before, string? after)
    {
        if (after is null || (before ?? "") == after)
            return this;
        return Compare(path, before, after);
    }

    /// <summary>Records an attribute of a resource being created (<paramref name="creating"/>) or deleted.</summary>
    public DiffBuilder Set(string path, JsonNode? value, bool creating)
    {
        if (value is not null)
            _diffs.Add(creating ? new AttributeDiff(path, null, value) : new AttributeDiff(path, value, null));
        return this;
    }

    public DiffBuilder Set(string path, string? value, bool creating) => Set(path, AttributeValue.Of(value), creating);

    public DiffBuilder Set(string path, bool value, bool creating) => Set(path, AttributeValue.Of(value), creating);
}
