namespace CleanroomsStack.Core.Planning;

/// <summary>
/// How tags appear in a plan: a create carries them as one <c>tags</c> attribute; an update names each tag it sets as
/// <c>tags.&lt;key&gt;</c>, carried out with TagResource rather than the resource's own Update call. Only the keys the
/// config names are compared: tags the config doesn't name, and the keys under <see cref="ReservedPrefix"/> (the tool's
/// own record of what it manages), are never changed or removed.
/// </summary>
public static class TagPaths
{
    /// <summary>The attribute of a create that holds every tag.</summary>
    public const string All = "tags";

    private const string Prefix = All + ".";

    /// <summary>Tag keys the tool keeps for itself on the membership; a config may not name them.</summary>
    public const string ReservedPrefix = "cleanrooms-stack:";

    public static bool IsReserved(string key) => key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an update's attribute is one tag (<c>tags.&lt;key&gt;</c>).</summary>
    public static bool IsTag(AttributeDiff diff) => diff.Path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when every attribute of an update is a tag: only TagResource is needed.</summary>
    public static bool OnlyTags(IReadOnlyList<AttributeDiff> diffs) => diffs.Count > 0 && diffs.All(IsTag);

    /// <summary>The tags an update sets, by key (what TagResource is sent).</summary>
    public static IReadOnlyDictionary<string, string> ToSet(IEnumerable<AttributeDiff> diffs) =>
        diffs.Where(IsTag).ToDictionary(d => d.Path[Prefix.Length..], d => AttributeValue.Render(d.After) ?? "", StringComparer.Ordinal);

    /// <summary>
    /// Records a <c>tags.&lt;key&gt;</c> attribute for each tag the config names that the live resource lacks or holds with
    /// another value. Nothing when the live tags weren't read (<paramref name="live"/> null).
    /// </summary>
    public static DiffBuilder CompareTags(this DiffBuilder diffs, IReadOnlyDictionary<string, string>? live, IReadOnlyDictionary<string, string>? desired)
    {
        if (live is null || desired is null)
            return diffs;
        foreach (var (key, value) in desired.Where(t => !IsReserved(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
            diffs.Compare(Prefix + key, live.TryGetValue(key, out var current) ? current : null, value);
        return diffs;
    }
}
