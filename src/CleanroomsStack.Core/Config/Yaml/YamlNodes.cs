using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config.Yaml;

/// <summary>
/// A minimal YAML tree that keeps the source location of every node. The loader works on this instead of
/// YamlDotNet's representation model because that model throws on duplicate keys and we want them as diagnostics.
/// </summary>
public abstract record YamlNode(SourceLocation Location)
{
    /// <summary>How the node is described in "expected X, found Y" messages.</summary>
    public abstract string Describe();
}

/// <param name="Plain">True for unquoted scalars: only those can mean null, a boolean or a number.</param>
public sealed record YamlScalar(string Value, bool Plain, SourceLocation Location) : YamlNode(Location)
{
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : Plain ? $"'{Value}'" : $"the string \"{Value}\"";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourceLocation Location) : YamlNode(Location)
{
    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceLocation Location) : YamlNode(Location)
{
    public override string Describe() => "a list";
}
