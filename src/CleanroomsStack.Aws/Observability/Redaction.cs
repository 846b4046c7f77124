using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Aws.Observability;

/// <summary>
/// Keeps credentials out of logs: the Authorization header (its signature and access key), the session token,
/// and any secret-looking member in a logged body.
/// </summary>
public static class Redaction
{
    public const string Mask = "***";

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Amz-Security-Token", "X-Amz-Signature", "X-Amz-Credential", "Cookie",
    };

    private static readonly HashSet<string> SensitiveMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "secretAccessKey", "secretKey", "sessionToken", "accessToken", "refreshToken", "clientSecret", "token",
        "aws_secret_access_key", "aws_session_token", "password",
    };

    public static string Header(string name, string value)
    {
        if (!SensitiveHeaders.Contains(name)) return value;
        // Keep the algorithm so a log still shows how the request was signed.
        return name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.StartsWith("AWS4-HMAC-SHA256", StringComparison.Ordinal)
            ? $"AWS4-HMAC-SHA256 {Mask}"
            : Mask;
    }

    /// <summary>Masks sensitive members of a JSON body; a body that isn't JSON is returned only if it has no sensitive marker.</summary>
    public static string Body(string body)
    {
        if (body.Length == 0) return body;
        try
        {
            var node = JsonNode.Parse(body);
            if (node is null) return body;
            MaskMembers(node);
            return node.ToJsonString();
        }
        catch (JsonException)
        {
            return ContainsSensitiveMarker(body) ? $"<{body.Length} characters withheld: may contain credentials>" : body;
        }
    }

    private static void MaskMembers(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (SensitiveMembers.Contains(key)) obj[key] = Mask;
                    else if (value is not null) MaskMembers(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null) MaskMembers(item);
                }
                break;
        }
    }

    private static bool ContainsSensitiveMarker(string body) =>
        SensitiveMembers.Any(m => body.Contains(m, StringComparison.OrdinalIgnoreCase));
}
