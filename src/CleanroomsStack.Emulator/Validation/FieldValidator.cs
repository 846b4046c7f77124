using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanroomsStack.Emulator.Protocol;

namespace CleanroomsStack.Emulator.Validation;

/// <summary>
/// Reads request members and checks them against the model's constraints, collecting every violation the way
/// AWS does (one ValidationException with a <c>fieldList</c>) instead of stopping at the first.
/// </summary>
public sealed class FieldValidator
{
    private readonly List<ValidationField> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string field, string message, string? value = null) => _errors.Add(new ValidationField(field, message, value));

    /// <summary>The ValidationException for everything collected so far; null when all is well.</summary>
    public AwsServiceError? Error => _errors.Count == 0 ? null : Errors.Validation(_errors);

    public void ThrowIfInvalid()
    {
        if (Error is { } error) throw error;
    }

    /// <summary>A string member; null when absent (and reported when required).</summary>
    public string? String(JsonObject? obj, string field, bool required, int minLength = 0, int maxLength = int.MaxValue, Regex? pattern = null)
    {
        var node = obj?[LastSegment(field)];
        if (node is null)
        {
            if (required) Fail(field, "Member must not be null");
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Fail(field, "Member must be a string");
            return null;
        }

        var text = value.GetValue<string>();
        CheckString(text, field, minLength, maxLength, pattern);
        return text;
    }

    /// <summary>Checks a string that arrived in a path label or query parameter.</summary>
    public void CheckString(string text, string field, int minLength = 0, int maxLength = int.MaxValue, Regex? pattern = null)
    {
        if (text.Length < minLength)
            Fail(field, $"Member must have length greater than or equal to {minLength.ToString(CultureInfo.InvariantCulture)}", text);
        else if (text.Length > maxLength)
            Fail(field, $"Member must have length less than or equal to {maxLength.ToString(CultureInfo.InvariantCulture)}", text);
        else if (pattern is not null && !pattern.IsMatch(text))
            Fail(field, $"Member must satisfy regular expression pattern: {pattern}", text);
    }

    public string? Enum(JsonObject? obj, string field, bool required, IReadOnlyList<string> allowed)
    {
        var text = String(obj, field, required);
        return text is null ? null : CheckEnum(text, field, allowed);
    }

    public string? CheckEnum(string text, string field, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        Fail(field, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]", text);
        return null;
    }

    public bool? Bool(JsonObject? obj, string field, bool required)
    {
        var node = obj?[LastSegment(field)];
        if (node is null)
        {
            if (required) Fail(field, "Member must not be null");
            return null;
        }

        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False) return kind == JsonValueKind.True;
        Fail(field, "Member must be a boolean");
        return null;
    }

    /// <summary>A whole number within the model's range (Smithy <c>@range</c>).</summary>
    public int? Int(JsonObject? obj, string field, bool required, int min, int max)
    {
        var node = obj?[LastSegment(field)];
        if (node is null)
        {
            if (required) Fail(field, "Member must not be null");
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            Fail(field, "Member must be an integer");
            return null;
        }

        if (value >= min && value <= max) return value;
        Fail(field, $"Member must have value between {min} and {max}", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    public JsonObject? Object(JsonObject? obj, string field, bool required)
    {
        var node = obj?[LastSegment(field)];
        if (node is null)
        {
            if (required) Fail(field, "Member must not be null");
            return null;
        }

        if (node is JsonObject child) return child;
        Fail(field, "Member must be a structure");
        return null;
    }

    /// <summary>A list of strings, each checked with <paramref name="pattern"/> and the length bounds.</summary>
    public List<string>? StringList(JsonObject? obj, string field, bool required, int maxItems = int.MaxValue,
        int minLength = 0, int maxLength = int.MaxValue, Regex? pattern = null)
    {
        if (List(obj, field, required, maxItems) is not { } array) return null;

        var items = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemField = $"{field}.{i.ToString(CultureInfo.InvariantCulture)}";
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var text = v.GetValue<string>();
                CheckString(text, itemField, minLength, maxLength, pattern);
                items.Add(text);
            }
            else
            {
                Fail(itemField, "Member must be a string");
            }
        }

        return items;
    }

    /// <summary>A list of structures, each read by <paramref name="readItem"/> with its own path (null when it had problems).</summary>
    public List<T>? Structures<T>(JsonObject? obj, string field, bool required, int maxItems, Func<JsonObject, string, T?> readItem)
        where T : class
    {
        if (List(obj, field, required, maxItems) is not { } array) return null;

        var items = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{field}.{i.ToString(CultureInfo.InvariantCulture)}";
            if (array[i] is not JsonObject item)
                Fail(path, "Member must be a structure");
            else if (readItem(item, path) is { } read)
                items.Add(read);
        }

        return items;
    }

    /// <summary>A list member, its size checked; null when absent (and reported when required) or not a list.</summary>
    private JsonArray? List(JsonObject? obj, string field, bool required, int maxItems)
    {
        var node = obj?[LastSegment(field)];
        if (node is null)
        {
            if (required) Fail(field, "Member must not be null");
            return null;
        }

        if (node is not JsonArray array)
        {
            Fail(field, "Member must be a list");
            return null;
        }

        if (array.Count > maxItems)
            Fail(field, $"Member must have length less than or equal to {maxItems.ToString(CultureInfo.InvariantCulture)}");
        return array;
    }

    /// <summary>A string-to-string map such as <c>tags</c>.</summary>
    public SortedDictionary<string, string>? StringMap(JsonObject? obj, string field, int maxEntries, int maxKeyLength, int maxValueLength)
    {
        var node = obj?[LastSegment(field)];
        if (node is null) return null;
        if (node is not JsonObject map)
        {
            Fail(field, "Member must be a map");
            return null;
        }

        if (map.Count > maxEntries)
            Fail(field, $"Member must have length less than or equal to {maxEntries.ToString(CultureInfo.InvariantCulture)}");

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            CheckString(key, $"{field}.key", 1, maxKeyLength);
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var text = v.GetValue<string>();
                CheckString(text, $"{field}.{key}", 0, maxValueLength);
                result[key] = text;
            }
            else
            {
                Fail($"{field}.{key}", "Member must be a string");
            }
        }

        return result;
    }

    private static string LastSegment(string field)
    {
        var dot = field.LastIndexOf('.');
        return dot < 0 ? field : field[(dot + 1)..];
    }
}
