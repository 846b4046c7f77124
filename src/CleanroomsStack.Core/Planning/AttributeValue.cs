using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Attribute values as JSON values, built one way so equal values compare equal: lists that AWS treats as sets are
/// sorted and de-duplicated, tags are an object sorted by key, and optional text stays null when absent.
/// </summary>
public static class AttributeValue
{
    public static JsonNode? Of(string? text) => text is null ? null : JsonValue.Create(text);

    public static JsonNode Of(bool value) => JsonValue.Create(value);

    public static JsonNode? Of(bool? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A list compared as a set: sorted, without repeats.</summary>
    public static JsonNode Set(IEnumerable<string> values) =>
        new JsonArray(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Tags as an object sorted by key; null when there are none.</summary>
    public static JsonNode? Of(IReadOnlyDictionary<string, string>? tags) =>
        tags is null || tags.Count == 0 ? null
            : new JsonObject(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));

    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    /// <summary>
    /// How people read a value: text as it is, lists as <c>[a, b]</c>, objects as <c>{key=value, …}</c>, booleans and
    /// numbers as JSON writes them; null for an absent value.
    /// </summary>
    public static string? Render(JsonNode? value) => value switch
    {
        null => null,
        JsonArray array => "[" + string.Join(", ", array.Select(i => Render(i) ?? "null")) + "]",
        JsonObject map => "{" + string.Join(", ", map.Select(e => $"{e.Key}={Render(e.Value) ?? "null"}")) + "}",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
