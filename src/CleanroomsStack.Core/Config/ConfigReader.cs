using System.Globalization;
using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>
/// Typed reads from the YAML tree. Each read either returns a value or records a diagnostic (with the node's
/// location and a hint) and returns null, so one pass reports every problem in the file.
/// </summary>
internal sealed class ConfigReader
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Error(string code, string message, SourceLocation location, string hint) =>
        _diagnostics.Add(Diagnostic.Error(code, message, location, hint));

    /// <summary>
    /// A mapping whose keys are all known; unknown keys are reported with the closest known one.
    /// Null <paramref name="knownKeys"/> accepts any key (free-form maps such as tags).
    /// </summary>
    public YamlMapping? Mapping(YamlNode node, string path, IReadOnlyCollection<string>? knownKeys)
    {
        if (node is not YamlMapping mapping)
        {
            WrongType(node, path, "a mapping of keys to values", $"write '{Key(path)}:' followed by indented 'key: value' lines");
            return null;
        }
        if (knownKeys is null)
            return mapping;
        foreach (var entry in mapping.Entries.Where(e => !knownKeys.Contains(e.Key.Value)))
        {
            var closest = Suggestions.Closest(entry.Key.Value, knownKeys);
            var hint = (closest is null ? "" : $"did you mean '{closest}'? ") + $"known keys here: {string.Join(", ", knownKeys)}";
            Error(DiagnosticCodes.UnknownKey, $"unknown key '{entry.Key.Value}' in {path}", entry.Key.Location, hint);
        }
        return mapping;
    }

    public YamlSequence? Sequence(YamlNode node, string path)
    {
        if (node is YamlSequence sequence)
            return sequence;
        WrongType(node, path, "a list", $"write '{Key(path)}: [a, b]' or one '- item' per line");
        return null;
    }

    public string? String(YamlNode node, string path)
    {
        if (node is YamlScalar { IsNull: false } scalar)
            return scalar.Value;
        WrongType(node, path, "a text value", $"give '{Key(path)}' a value, quoted if it contains ':' or '#'");
        return null;
    }

    public bool? Bool(YamlNode node, string path)
    {
        if (node is YamlScalar { Plain: true, Value: "true" or "false" } scalar)
            return scalar.Value == "true";
        WrongType(node, path, "true or false", $"write '{Key(path)}: true' or '{Key(path)}: false' (unquoted)");
        return null;
    }

    public int? Int(YamlNode node, string path, int min, int max)
    {
        if (node is not YamlScalar { Plain: true } scalar
            || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            WrongType(node, path, "a whole number", $"write '{Key(path)}: {Math.Max(min, 0)}' or another whole number, unquoted");
            return null;
        }
        if (value < min || value > max)
        {
            Error(DiagnosticCodes.OutOfRange, $"{path} is {scalar.Value}, outside {min}..{max}", node.Location,
                $"choose a value from {min} to {max}");
            return null;
        }
        return (int)value;
    }

    /// <summary>One of a closed set of values, matched exactly (AWS enums are case-sensitive).</summary>
    public string? Enum(YamlNode node, string path, IReadOnlyList<string> allowed)
    {
        var text = String(node, path);
        if (text is null || allowed.Contains(text))
            return text;
        var closest = Suggestions.Closest(text, allowed);
        var hint = (closest is null ? "" : $"did you mean '{closest}'? ") + $"allowed values: {string.Join(", ", allowed)}";
        Error(DiagnosticCodes.InvalidEnum, $"'{text}' is not a valid {path}", node.Location, hint);
        return null;
    }

    /// <summary>A list of text values; a single scalar is not silently promoted to a list.</summary>
    public IReadOnlyList<Located<string>>? Strings(YamlNode node, string path)
    {
        if (Sequence(node, path) is not { } sequence)
            return null;
        var values = new List<Located<string>>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (String(item, $"{path} item") is { } value)
                values.Add(new Located<string>(value, item.Location));
            else
                ok = false;
        }
        return ok ? values : null;
    }

    /// <summary>Checks a value against a format, reporting <paramref name="code"/> with the hint when it fails.</summary>
    public string? Checked(string? value, YamlNode node, Func<string, bool> isValid, string code, string message, string hint)
    {
        if (value is null || isValid(value))
            return value;
        Error(code, message, node.Location, hint);
        return null;
    }

    /// <summary>The value of a required key, or null after reporting that it is missing.</summary>
    public YamlNode? Required(YamlMapping map, string key, string path, string what)
    {
        if (map.Find(key) is { } entry)
            return entry.Value;
        Error(DiagnosticCodes.MissingKey, $"{path} has no '{key}'", map.Location, $"add '{key}:' ({what})");
        return null;
    }

    /// <summary>A description AWS accepts: up to 255 characters, no emoji.</summary>
    public string? Description(YamlNode node, string path) =>
        Checked(String(node, path), node, Formats.IsDescription, DiagnosticCodes.OutOfRange,
            $"{path} is longer than 255 characters or holds characters AWS rejects", "shorten it to 255 characters without emoji");

    /// <summary>The key as written in the file: the last segment of a dotted path like <c>tables.include</c>.</summary>
    private static string Key(string path)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        return key.EndsWith(" item", StringComparison.Ordinal) ? key[..^" item".Length] : key;
    }

    private void WrongType(YamlNode node, string path, string expected, string hint) =>
        Error(DiagnosticCodes.WrongType, $"{path} must be {expected}, found {node.Describe()}", node.Location, hint);
}
