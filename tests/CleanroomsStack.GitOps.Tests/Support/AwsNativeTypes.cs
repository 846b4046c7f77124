namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>A property of a TypeScript interface: its name, whether it is optional, and its type as written.</summary>
public sealed record TsProperty(string Name, bool Optional, string Type)
{
    /// <summary>The input interfaces the type refers to (e.g. inputs.cleanrooms.XArgs, inputs.TagArgs); several for a union.</summary>
    public IReadOnlyList<string> InputInterfaces =>
        Type.Split([' ', '<', '>', '|', '[', ']', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.StartsWith("inputs.", StringComparison.Ordinal))
            .Select(t => t.Split('.')[^1])
            .ToList();
}

/// <summary>
/// Reads the type definitions of the npm package @pulumi/aws-native: a resource's type token (from its module) and the
/// properties of its Args interface and of the input interfaces they refer to. The .d.ts files are generated with one
/// member per line, which is all this reader relies on.
/// </summary>
public sealed class AwsNativeTypes
{
    private readonly string root = JsOracle.Package("@pulumi/aws-native");

    // types/input.d.ts is several megabytes and a conformance check looks up dozens of interfaces in it: read it once.
    private static readonly Lazy<string[]> InputLines = new(() => File.ReadAllLines(Path.Combine(JsOracle.Package("@pulumi/aws-native"), "types", "input.d.ts")));

    /// <summary>The module of a type token such as aws-native:cleanrooms:Membership: cleanrooms/membership.</summary>
    public static string ModuleOf(string typeToken)
    {
        var parts = typeToken.Split(':');
        return $"{parts[1]}/{char.ToLowerInvariant(parts[2][0])}{parts[2][1..]}";
    }

    /// <summary>The type token the resource class registers (its static __pulumiType).</summary>
    public string? RegisteredType(string typeToken)
    {
        var js = Path.Combine(root, ModuleOf(typeToken) + ".js");
        if (!File.Exists(js)) return null;
        var line = File.ReadLines(js).FirstOrDefault(l => l.Contains("__pulumiType = '", StringComparison.Ordinal));
        return line?.Split('\'')[1];
    }

    /// <summary>The resource's input properties (its Args interface).</summary>
    public IReadOnlyDictionary<string, TsProperty> ResourceArgs(string typeToken) =>
        Interface(File.ReadAllLines(Path.Combine(root, ModuleOf(typeToken) + ".d.ts")), $"export interface {typeToken.Split(':')[2]}Args {{");

    /// <summary>The resource's output properties (readonly members of its class).</summary>
    public IReadOnlySet<string> ResourceOutputs(string typeToken) =>
        File.ReadLines(Path.Combine(root, ModuleOf(typeToken) + ".d.ts"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("readonly ", StringComparison.Ordinal) && l.Contains("pulumi.Output<", StringComparison.Ordinal))
            .Select(l => l["readonly ".Length..l.IndexOf(':')].TrimEnd('?'))
            .ToHashSet();

    /// <summary>An input interface by name, e.g. MembershipPaymentConfigurationArgs or TagArgs.</summary>
    public IReadOnlyDictionary<string, TsProperty> Input(string name)
    {
        var lines = InputLines.Value;
        var nested = Interface(lines, $"    interface {name} {{");
        return nested.Count > 0 ? nested : Interface(lines, $"export interface {name} {{");
    }

    private static IReadOnlyDictionary<string, TsProperty> Interface(string[] lines, string header)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        var properties = new Dictionary<string, TsProperty>(StringComparer.Ordinal);
        if (start < 0) return properties;
        var indent = header.Length - header.TrimStart().Length;
        var end = new string(' ', indent) + "}";
        foreach (var raw in lines.Skip(start + 1).TakeWhile(l => l != end))
        {
            var line = raw.Trim();
            if (line.StartsWith("/**", StringComparison.Ordinal) || line.StartsWith('*') || !line.EndsWith(';') || !line.Contains(": ", StringComparison.Ordinal))
                continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var name = line[..colon];
            var optional = name.EndsWith('?');
            properties[name.TrimEnd('?')] = new TsProperty(name.TrimEnd('?'), optional, line[(colon + 2)..^1]);
        }
        return properties;
    }
}
