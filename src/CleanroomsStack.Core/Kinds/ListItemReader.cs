using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Yaml;

namespace CleanroomsStack.Core.Kinds;

/// <summary>
/// Reads the keys of one item of a kind's settings list (<c>idMappingTables</c> item, …), reporting every problem with
/// its place and remembering whether any key failed, so a kind's parser is one line per key.
/// </summary>
internal sealed class ListItemReader(ConfigReader reader, YamlMapping map, string listKey)
{
    private readonly string itemPath = $"{listKey} item";

    /// <summary>True once any key read so far was missing, of the wrong type or invalid.</summary>
    public bool Failed { get; private set; }

    public ConfigReader Reader => reader;

    /// <summary>A required text key that must pass <paramref name="isValid"/>.</summary>
    public string? Required(string key, string what, Func<string, bool> isValid, string code, string message, string hint) =>
        Note(reader.Required(map, key, itemPath, what) is { } node ? reader.Checked(reader.String(node, Path(key)), node, isValid, code, message, hint) : null);

    /// <summary>The item's name in the collaboration, written like an association name (AWS's TableAlias).</summary>
    public string? TableAliasName(string what) => Required("name", what, Formats.IsTableAlias, Diagnostics.DiagnosticCodes.InvalidName,
        $"{listKey}.name is not a valid name", "use letters, digits, '_', ' ' and '-' (not as one of the first two characters), up to 128");

    /// <summary>An optional text key that must pass <paramref name="isValid"/> when present.</summary>
    public string? Optional(string key, Func<string, bool> isValid, string code, string message, string hint) =>
        map.Find(key) is { } entry ? Note(reader.Checked(reader.String(entry.Value, Path(key)), entry.Value, isValid, code, message, hint)) : null;

    /// <summary>An optional description (up to 255 characters).</summary>
    public string? Description(string key = "description") =>
        map.Find(key) is { } entry ? Note(reader.Description(entry.Value, Path(key))) : null;

    /// <summary>An optional boolean with its default.</summary>
    public bool Bool(string key, bool defaultValue) =>
        map.Find(key) is { } entry ? Note(reader.Bool(entry.Value, key)) ?? defaultValue : defaultValue;

    /// <summary>The node of an optional key with a structure of its own (its kind reads it), or null.</summary>
    public YamlNode? Node(string key) => map.Find(key)?.Value;

    private string Path(string key) => $"{listKey}.{key}";

    private T? Note<T>(T? value) where T : class
    {
        Failed |= value is null;
        return value;
    }

    private bool? Note(bool? value)
    {
        Failed |= value is null;
        return value;
    }
}
