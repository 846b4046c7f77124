using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>Typed reads of checked inputs (secrets unwrapped: the value goes to AWS, the secrecy stays on the outputs).</summary>
public static class Inputs
{
    public static PropertyValue? Plain(this ObjectValue values, string key) => values[key] switch
    {
        SecretValue s => s.Inner,
        NullValue => null,
        var v => v,
    };

    public static string? Text(this ObjectValue values, string key) => values.Plain(key) switch
    {
        null => null,
        StringValue s => s.Value,
        ResourceReferenceValue { Id: StringValue id } => id.Value,
        UnknownValue or ResourceReferenceValue => throw new InvalidPropertyException($"{key} is not known yet"),
        _ => throw new InvalidPropertyException($"{key} must be a string"),
    };

    public static bool? Flag(this ObjectValue values, string key) => values.Plain(key) switch
    {
        null => null,
        BoolValue b => b.Value,
        _ => throw new InvalidPropertyException($"{key} must be a boolean"),
    };

    public static ObjectValue? Object(this ObjectValue values, string key) => values.Plain(key) switch
    {
        null => null,
        ObjectValue o => o,
        _ => throw new InvalidPropertyException($"{key} must be an object"),
    };

    public static IReadOnlyDictionary<string, string>? TextMap(this ObjectValue values, string key) =>
        values.Object(key)?.Properties.Keys.ToDictionary(k => k, k => values.Object(key)!.Text(k) ?? "");

    public static ObjectValue With(this ObjectValue values, IEnumerable<KeyValuePair<string, PropertyValue?>> overrides)
    {
        var merged = values.Properties.ToDictionary();
        foreach (var (key, value) in overrides)
        {
            if (value is null) merged.Remove(key);
            else merged[key] = value;
        }
        return new ObjectValue(merged);
    }

    public static PropertyValue Of(string? text) => text is null ? PropertyValue.Null : new StringValue(text);

    public static PropertyValue Of(bool? flag) => flag is { } b ? new BoolValue(b) : PropertyValue.Null;
}
