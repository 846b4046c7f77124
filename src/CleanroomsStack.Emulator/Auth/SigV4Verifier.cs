using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleanroomsStack.Emulator.Protocol;

namespace CleanroomsStack.Emulator.Auth;

/// <summary>The key material behind an access key id: whose it is and what signs with it.</summary>
public sealed record SigningKey(string AccountId, string AccessKeyId, string SecretAccessKey, string? SessionToken, string Arn, string UserId)
{
    /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
    public DateTimeOffset? Expires { get; init; }
}

public enum AuthFailureKind
{
    MissingAuthenticationToken,
    IncompleteSignature,
    UnrecognizedClient,
    InvalidSignature,
    ExpiredToken,
}

public sealed record AuthFailure(AuthFailureKind Kind, string Message);

/// <summary>Outcome of checking a request's signature: the caller, or why AWS would reject it.</summary>
public sealed record AuthOutcome(AuthorizationHeader? Header, SigningKey? Caller, AuthFailure? Failure);

/// <summary>
/// Verifies SigV4 the way AWS does: recomputes the signature with the caller's secret and compares, and rejects
/// requests dated too far from the server clock.
/// </summary>
public static class SigV4Verifier
{
    public static AuthOutcome Verify(IncomingRequest request, Func<string, SigningKey?> findKey, DateTimeOffset now, TimeSpan maxSkew)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrEmpty(authorization))
            return Fail(null, AuthFailureKind.MissingAuthenticationToken, "Missing Authentication Token");

        var header = AuthorizationHeader.TryParse(authorization, out var problem);
        if (header is null) return Fail(null, AuthFailureKind.IncompleteSignature, problem);

        var amzDate = request.Header("X-Amz-Date");
        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt))
            return Fail(header, AuthFailureKind.IncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");

        var key = findKey(header.AccessKeyId);
        if (key is null)
            return Fail(header, AuthFailureKind.UnrecognizedClient, "The security token included in the request is invalid.");

        if (key.SessionToken is not null && request.Header("X-Amz-Security-Token") != key.SessionToken)
            return Fail(header, AuthFailureKind.UnrecognizedClient, "The security token included in the request is invalid.");

        if (key.Expires is { } expires && expires <= now)
            return Fail(header, AuthFailureKind.ExpiredToken, "The security token included in the request is expired");

        if ((now - signedAt).Duration() > maxSkew)
        {
            var earliest = (now - maxSkew).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            return Fail(header, AuthFailureKind.InvalidSignature,
                $"Signature expired: {amzDate} is now earlier than {earliest} ({now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)} - {maxSkew.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min.)");
        }

        if (header.ScopeDate != amzDate[..8])
            return Fail(header, AuthFailureKind.InvalidSignature, $"Credential should be scoped to a valid date: '{amzDate[..8]}' != '{header.ScopeDate}'.");

        var canonical = CanonicalRequest.Build(request.Method, request.RawPath, request.RawQuery, header.SignedHeaders,
            name => request.Headers[name].Select(v => v ?? "").ToList(), request.Body);
        var expected = SignatureCalculator.Sign(key.SecretAccessKey, amzDate, header, canonical);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return Fail(header, AuthFailureKind.InvalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return new AuthOutcome(header, key, null);
    }

    private static AuthOutcome Fail(AuthorizationHeader? header, AuthFailureKind kind, string message) =>
        new(header, null, new AuthFailure(kind, message));
}
