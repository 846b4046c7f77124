using System.Text.Json.Nodes;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>Protocol-aware comparison of two requests' query strings and bodies.</summary>
public static class WireAssert
{
    public static IReadOnlyList<KeyValuePair<string, string>> DecodeQuery(string rawQuery) =>
        rawQuery.Length == 0
            ? []
            : rawQuery.Split('&')
                .Select(pair => pair.Split('=', 2))
                .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : "")))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
                .ToList();

    /// <summary>JSON bodies compare as JSON (member order free); form bodies as decoded pairs; no body equals an empty body.</summary>
    public static bool BodiesEqual(string ours, string? theirs, string? contentType)
    {
        theirs ??= "";
        if (ours.Length == 0 || theirs.Length == 0) return ours.Length == theirs.Length;
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            return DecodeQuery(ours.Replace('+', ' ')).SequenceEqual(DecodeQuery(theirs.Replace('+', ' ')));
        }
        return JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(theirs));
    }
}
