namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// A protocol-neutral HTTP request, built once per call and turned into a fresh (re-signed) HttpRequestMessage for
/// every attempt.
/// </summary>
/// <param name="PathAndQuery">Already encoded: labels as single segments, query keys sorted.</param>
/// <param name="Target">awsJson's X-Amz-Target header ("AWSGlue.GetTable"); null for other protocols.</param>
internal sealed record WireRequest(AwsOperation Operation, string PathAndQuery, byte[]? Body, string? ContentType, string? Target = null);

/// <summary>A successful (2xx) response.</summary>
internal sealed record WireResponse(int HttpStatus, byte[] Body, string? RequestId);

/// <summary>Builds restJson1 URIs: path labels percent-encoded as one segment, query keys sorted, list members repeated.</summary>
internal static class RestUri
{
    /// <summary>
    /// Encodes a path label as a single segment: everything but A-Z a-z 0-9 - . _ ~ is percent-encoded, so ':' → %3A
    /// and '/' → %2F (an ARN stays one label), matching the AWS SDKs' extended URI escaping.
    /// </summary>
    public static string Label(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A path label must not be empty: the request would address a different resource.", nameof(value));
        }
        return Uri.EscapeDataString(value);
    }

    /// <summary>Appends the non-null query members, sorted by key, each value percent-encoded.</summary>
    public static string WithQuery(string path, params (string Key, string? Value)[] members)
    {
        var present = members.Where(m => m.Value is not null).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        if (present.Count == 0) return path;
        return path + "?" + string.Join("&", present.Select(m => $"{Uri.EscapeDataString(m.Key)}={Uri.EscapeDataString(m.Value!)}"));
    }

    /// <summary>A list member as repeated keys (<c>tagKeys=a&amp;tagKeys=b</c>) in the list's order, as the SDKs send it.</summary>
    public static string WithList(string path, string key, IEnumerable<string> values) =>
        WithQuery(path, values.Select(v => (key, (string?)v)).ToArray());
}
