using System.Security.Cryptography;
using System.Text;

namespace CleanroomsStack.Emulator.Auth;

/// <summary>
/// Builds the SigV4 canonical request from what arrived on the wire. For every service but S3 the already
/// percent-encoded path is encoded once more (facts §1a), so a label such as <c>arn%3Aaws…</c> is signed as
/// <c>arn%253Aaws…</c>.
/// </summary>
public static class CanonicalRequest
{
    public static string Build(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyList<string> signedHeaders,
        Func<string, IReadOnlyList<string>> headerValues,
        byte[] body)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalUri(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = headerValues(name).Select(CollapseSpaces);
            builder.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(HexSha256(body));
        return builder.ToString();
    }

    public static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0) return "/";
        return string.Join('/', rawPath.Split('/').Select(UriEscape));
    }

    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0) return "";
        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            return (Key: UriEscape(Uri.UnescapeDataString(key)), Value: UriEscape(Uri.UnescapeDataString(value)));
        });
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding as the SigV4 spec defines it: everything but <c>A-Za-z0-9-_.~</c>.</summary>
    public static string UriEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            if (c == ' ')
            {
                if (!lastWasSpace) builder.Append(c);
                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString();
    }
}
