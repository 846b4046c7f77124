namespace CleanroomsStack.Emulator.Auth;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.
/// The credential scope names the service, which is how one port serves every service.
/// </summary>
public sealed record AuthorizationHeader(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string CredentialScope => $"{ScopeDate}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header; on failure returns null and says what is missing, as AWS's message does.</summary>
    public static AuthorizationHeader? TryParse(string header, out string problem)
    {
        problem = "";
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            problem = $"Authorization header requires the {Algorithm} algorithm.";
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var missing = new[] { ("Credential", credential), ("SignedHeaders", signedHeaders), ("Signature", signature) }
            .Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => $"'{p.Item1}'").ToList();
        if (missing.Count > 0)
        {
            problem = $"Authorization header requires {string.Join(", ", missing)} parameter(s).";
            return null;
        }

        var scope = credential!.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope.Any(string.IsNullOrEmpty) || scope[1].Length != 8)
        {
            problem = "Credential should be scoped to a valid date, region and service: <key>/<yyyyMMdd>/<region>/<service>/aws4_request.";
            return null;
        }

        var headers = signedHeaders!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!headers.Contains("host", StringComparer.Ordinal))
        {
            problem = "'Host' must be a signed header.";
            return null;
        }

        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], headers, signature!);
    }
}
