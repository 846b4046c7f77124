namespace CleanroomsStack.Core.Config.Yaml;

/// <summary>
/// Merges a collaboration's overrides onto the defaults: maps merge key by key (recursively), everything else
/// (scalars, lists) is replaced. Nodes keep their own locations, so a diagnostic points at whichever file position
/// the effective value came from.
/// </summary>
public static class YamlMerger
{
    public static YamlMapping Merge(YamlMapping defaults, YamlMapping overrides)
    {
        var entries = new List<YamlEntry>();
        foreach (var entry in defaults.Entries)
        {
            var over = overrides.Find(entry.Key.Value);
            entries.Add(over is null ? entry : new YamlEntry(over.Key, MergeValues(entry.Value, over.Value)));
        }
        entries.AddRange(overrides.Entries.Where(e => defaults.Find(e.Key.Value) is null));
        return new YamlMapping(entries, overrides.Location);
    }

    private static YamlNode MergeValues(YamlNode defaults, YamlNode overrides) =>
        defaults is YamlMapping d && overrides is YamlMapping o ? Merge(d, o) : overrides;
}
