using System.Text.RegularExpressions;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>A Check failure: the property path (as Pulumi writes paths) and why.</summary>
public sealed record InputFailure(string Property, string Reason);

/// <summary>
/// Checks inputs against the same declarative description the config loader and the editor schema use (types, enums,
/// patterns, lengths, required keys, unknown keys), so a Pulumi program is held to the rules of collaborations.yaml.
/// Unknown values (not computed yet, in a preview) pass: they are checked once known.
/// </summary>
public static class InputValidator
{
    public static IReadOnlyList<InputFailure> Check(ObjectValue inputs, IReadOnlyList<SchemaProperty> properties)
    {
        var failures = new List<InputFailure>();
        CheckObject(inputs, properties, "", failures);
        return failures;
    }

    private static void CheckObject(ObjectValue value, IReadOnlyList<SchemaProperty> properties, string prefix, List<InputFailure> failures)
    {
        foreach (var key in value.Properties.Keys.Where(k => properties.All(p => p.Key != k)))
            failures.Add(new($"{prefix}{key}", $"unknown property '{key}'; expected one of {string.Join(", ", properties.Select(p => p.Key))}"));
        foreach (var property in properties)
        {
            var item = value[property.Key];
            if (item is null or NullValue)
            {
                if (property.Required) failures.Add(new($"{prefix}{property.Key}", $"{property.Key} is required"));
                continue;
            }
            CheckValue(item, property.Node, $"{prefix}{property.Key}", failures);
        }
    }

    private static void CheckValue(PropertyValue value, SchemaNode node, string path, List<InputFailure> failures)
    {
        if (value is SecretValue secret) value = secret.Inner;
        if (value is UnknownValue or ResourceReferenceValue) return;
        switch (node, value)
        {
            case (StringNode s, StringValue text):
                if (Problem(s, text.Value) is { } problem) failures.Add(new(path, $"{path} {problem}"));
                break;
            case (BoolNode, BoolValue):
            case (ObjectNode { Values: null, Properties.Count: 0 }, ObjectValue):
                break;
            case (IntNode i, NumberValue n) when n.Value == Math.Floor(n.Value):
                if (n.Value < i.Minimum || n.Value > i.Maximum) failures.Add(new(path, $"{path} must be between {i.Minimum} and {i.Maximum}"));
                break;
            case (ArrayNode a, ArrayValue items):
                if (a.MaxItems is { } max && items.Items.Count > max) failures.Add(new(path, $"{path} has {items.Items.Count} items; at most {max} are allowed"));
                for (var index = 0; index < items.Items.Count; index++) CheckValue(items.Items[index], a.Items, $"{path}[{index}]", failures);
                break;
            case (ObjectNode { Values: { } values } map, ObjectValue entries):
                if (map.MaxKeys is { } maxKeys && entries.Properties.Count > maxKeys) failures.Add(new(path, $"{path} has more than {maxKeys} entries"));
                foreach (var (key, entry) in entries.Properties) CheckValue(entry, values, $"{path}.{key}", failures);
                break;
            case (ObjectNode o, ObjectValue fields):
                CheckObject(fields, o.Properties, $"{path}.", failures);
                break;
            case (OneOfNode one, _):
                var attempts = one.Alternatives.Select(a => { var f = new List<InputFailure>(); CheckValue(value, a, path, f); return f; }).ToList();
                if (attempts.All(f => f.Count > 0)) failures.Add(new(path, $"{path}: {one.Description}"));
                break;
            default:
                failures.Add(new(path, $"{path} must be {Expected(node)}"));
                break;
        }
    }

    private static string? Problem(StringNode node, string text)
    {
        if (node.Enum is { } allowed && !allowed.Contains(text)) return $"must be one of {string.Join(", ", allowed)}, not '{text}'";
        if (node.MinLength is { } min && text.Length < min) return $"must be at least {min} characters";
        if (node.MaxLength is { } max && text.Length > max) return $"must be at most {max} characters";
        if (node.Pattern is { } pattern && !Regex.IsMatch(text, pattern)) return $"'{text}' is not valid: {node.Description}";
        return null;
    }

    private static string Expected(SchemaNode node) => node switch
    {
        StringNode => "a string",
        BoolNode => "a boolean",
        IntNode => "a whole number",
        ArrayNode => "a list",
        ObjectNode => "an object",
        _ => node.Description,
    };
}
