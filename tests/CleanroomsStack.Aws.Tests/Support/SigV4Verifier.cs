using System.Security.Cryptography;
using System.Text;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>
/// An independent SigV4 check for what the server received: rebuilds the canonical request from the raw request
/// (double-encoding the already-encoded path, as AWS does for every service but S3), derives the signing key from the
/// secret and compares signatures. Checked itself against the AWS SigV4 test suite's get-vanilla vector.
/// </summary>
public static class SigV4Verifier
{
    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization Parse(string header)
    {
        Assert.StartsWith("AWS4-HMAC-SHA256 ", header);
        var parts = header["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var scope = parts["Credential"].Split('/');
        Assert.Equal("aws4_request", scope[4]);
        return new Authorization(scope[0], scope[1], scope[2], scope[3], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }

    /// <summary>The signature the request should carry if it was signed with <paramref name="secretKey"/>.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var auth = Parse(request.Header("authorization") ?? throw new InvalidOperationException("no Authorization header"));
        var amzDate = request.Header("x-amz-date") ?? throw new InvalidOperationException("no X-Amz-Date header");
        return Sign(request.Method, request.Path, request.Query, name => request.Header(name), auth.SignedHeaders, request.Body,
            amzDate, $"{auth.Date}/{auth.Region}/{auth.Service}/aws4_request", secretKey, auth.Date, auth.Region, auth.Service);
    }

    public static string Sign(
        string method, string encodedPath, string rawQuery, Func<string, string?> header, IReadOnlyList<string> signedHeaders, string body,
        string amzDate, string scope, string secretKey, string date, string region, string service)
    {
        var canonicalUri = string.Join("/", encodedPath.Split('/').Select(Encode));
        var canonicalQuery = string.Join("&", WireAssert.DecodeQuery(rawQuery)
            .Select(kv => (Key: Encode(kv.Key), Value: Encode(kv.Value)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h}:{Trim(header(h) ?? "")}\n"));
        var canonicalRequest = string.Join("\n", method, canonicalUri, canonicalQuery, canonicalHeaders, string.Join(";", signedHeaders), Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var stringToSign = string.Join("\n", "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date), region), service), "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>RFC 3986 encoding of everything but unreserved characters (so an encoded '%3A' becomes '%253A').</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Trim(string value) => string.Join(" ", value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
