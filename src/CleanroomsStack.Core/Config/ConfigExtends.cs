using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>What a config inherits through <c>extends</c>: the defaults of the chain of files, merged farthest first.</summary>
internal sealed record Inheritance(YamlMapping? Defaults);

/// <summary>
/// Follows <c>extends: FILE</c> (a path relative to the folder of the file that says it) from file to file, so
/// several stacks share one set of defaults. Only <c>defaults</c> is inherited; each file is checked as a config of its
/// own (version, known keys, its defaults), and every problem is reported at the file and line where it is written.
/// </summary>
internal sealed class ConfigExtends(ConfigReader reader, ConfigFileReader? files)
{
    /// <summary>More files than any sensible sharing needs; a longer chain is a mistake.</summary>
    public const int MaxFiles = 8;

    private readonly List<ConfigSource> loaded = [];

    /// <summary>The files read, nearest first.</summary>
    public IReadOnlyList<ConfigSource> Files => loaded;

    /// <summary>The inherited defaults (null <see cref="Inheritance.Defaults"/> when there are none), or null after reporting why the chain breaks.</summary>
    public Inheritance? InheritedDefaults(YamlMapping root, string filePath)
    {
        var chain = new List<string> { filePath };
        var layers = new List<YamlMapping>();
        for (var (map, path) = (root, filePath); map.Find("extends") is { } entry;)
        {
            if (Follow(entry, path, chain) is not { } next) return null;
            if (ConfigLoader.ReadDefaults(reader, next.Map.Find("defaults")) is { } defaults) layers.Add(defaults);
            (map, path) = next;
        }
        // Farthest first, so each nearer file's defaults override what it inherits.
        var merged = Enumerable.Reverse(layers).Aggregate((YamlMapping?)null, (inherited, layer) => inherited is null ? layer : YamlMerger.Merge(inherited, layer));
        return new Inheritance(merged);
    }

    /// <summary>Reads and checks the file one <c>extends</c> names, or reports why it can't be followed.</summary>
    private (YamlMapping Map, string Path)? Follow(YamlEntry entry, string from, List<string> chain)
    {
        if (reader.String(entry.Value, "extends") is not { } target) return null;
        var at = entry.Value.Location;
        if (files is null)
            return Unreadable(at, $"extends '{target}' can't be followed here", "load the file with cleanrooms-stack, or put the defaults in this file");
        var path = Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(from) ?? "", target);
        if (chain.FindIndex(p => SameFile(p, path)) is var loop and >= 0)
        {
            reader.Error(DiagnosticCodes.ExtendsLoop, $"extends loops back to {path}: {string.Join(" -> ", chain.Skip(loop).Append(path))}", at,
                "a file can't inherit from itself: remove 'extends' from one of these files");
            return null;
        }
        if (chain.Count > MaxFiles)
            return Unreadable(at, $"extends '{target}' makes a chain of more than {MaxFiles} files", "share the defaults through fewer files");
        var read = files(path);
        if (read.Text is not { } text)
            return Unreadable(at, $"extends '{target}': {path} {read.Problem}", "name a config file to take defaults from, relative to the folder of this file");
        var (root, diagnostics) = YamlTreeReader.Read(text, path);
        foreach (var diagnostic in diagnostics) reader.Report(diagnostic);
        if (diagnostics.Any(d => d.Code is DiagnosticCodes.YamlSyntax or DiagnosticCodes.TooDeep)) return null;
        if (root is null)
            return Unreadable(at, $"extends '{target}': {path} is empty", "name a config file with 'version: 1' and 'defaults:'");
        if (reader.Mapping(root, $"the top level of {path}", ConfigLoader.TopLevelKeys) is not { } map)
            return null;
        ConfigLoader.ReadVersion(reader, map); // its mistakes are reported; the chain goes on so its defaults are checked too
        loaded.Add(new ConfigSource(path, text));
        chain.Add(path);
        return (map, path);
    }

    private (YamlMapping, string)? Unreadable(SourceLocation at, string message, string hint)
    {
        reader.Error(DiagnosticCodes.ExtendsUnreadable, message, at, hint);
        return null;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
