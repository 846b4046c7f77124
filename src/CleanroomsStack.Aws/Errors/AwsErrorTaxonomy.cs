using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Errors;

/// <summary>
/// The one place that says what each AWS error code means for us. Covers every modeled error of every operation
/// we call (Clean Rooms, Entity Resolution, STS, plus Glue for table discovery) and the generic authentication errors
/// any AWS endpoint can return. Unknown codes fall back to the HTTP status.
/// </summary>
public static class AwsErrorTaxonomy
{
    /// <summary>ValidationException reason that means "IAM hasn't caught up yet": the same request will work shortly.</summary>
    public const string IamSynchronizationDelay = "IAM_SYNCHRONIZATION_DELAY";

    private static readonly IReadOnlyDictionary<string, AwsErrorKind> ByCode = new Dictionary<string, AwsErrorKind>(StringComparer.Ordinal)
    {
        // Clean Rooms (restJson1), modeled on every operation (facts §2c).
        ["AccessDeniedException"] = AwsErrorKind.AccessDenied,
        ["ConflictException"] = AwsErrorKind.Conflict,
        ["InternalServerException"] = AwsErrorKind.Transient,
        ["ResourceNotFoundException"] = AwsErrorKind.NotFound,
        ["ServiceQuotaExceededException"] = AwsErrorKind.QuotaExceeded,
        ["ThrottlingException"] = AwsErrorKind.Throttled,
        ["ValidationException"] = AwsErrorKind.Validation,
        // Entity Resolution adds its own quota error (§5); the others share Clean Rooms' names.
        ["ExceedsLimitException"] = AwsErrorKind.QuotaExceeded,
        // Glue (awsJson1_1, §6).
        ["EntityNotFoundException"] = AwsErrorKind.NotFound,
        ["InvalidInputException"] = AwsErrorKind.Validation,
        ["InternalServiceException"] = AwsErrorKind.Transient,
        ["OperationTimeoutException"] = AwsErrorKind.Transient,
        ["FederationSourceRetryableException"] = AwsErrorKind.Transient,
        ["ResourceNotReadyException"] = AwsErrorKind.Transient,
        ["FederationSourceException"] = AwsErrorKind.Fatal,
        ["GlueEncryptionException"] = AwsErrorKind.AccessDenied,
        // Generic AWS front-door errors (any service, any protocol).
        ["TooManyRequestsException"] = AwsErrorKind.Throttled,
        ["Throttling"] = AwsErrorKind.Throttled,
        ["RequestLimitExceeded"] = AwsErrorKind.Throttled,
        ["ServiceUnavailable"] = AwsErrorKind.Transient,
        ["ServiceUnavailableException"] = AwsErrorKind.Transient,
        ["InternalFailure"] = AwsErrorKind.Transient,
        ["AccessDenied"] = AwsErrorKind.AccessDenied,
        // Credentials rejected: retrying can't help; the user must fix their credentials.
        ["UnrecognizedClientException"] = AwsErrorKind.Fatal,
        ["InvalidSignatureException"] = AwsErrorKind.Fatal,
        ["SignatureDoesNotMatch"] = AwsErrorKind.Fatal,
        ["IncompleteSignature"] = AwsErrorKind.Fatal,
        ["ExpiredTokenException"] = AwsErrorKind.Fatal,
        ["ExpiredToken"] = AwsErrorKind.Fatal,
        ["InvalidClientTokenId"] = AwsErrorKind.Fatal,
        ["MissingAuthenticationTokenException"] = AwsErrorKind.Fatal,
        ["MissingAuthenticationToken"] = AwsErrorKind.Fatal,
    };

    /// <summary>Error codes that mean the credentials themselves were rejected (expired, unknown key, bad signature).</summary>
    public static bool IsCredentialError(string code) => code is
        "UnrecognizedClientException" or "InvalidSignatureException" or "SignatureDoesNotMatch" or "IncompleteSignature"
        or "ExpiredTokenException" or "ExpiredToken" or "InvalidClientTokenId"
        or "MissingAuthenticationTokenException" or "MissingAuthenticationToken";

    public static AwsErrorKind Classify(string code, int httpStatus, string? reason)
    {
        if (ByCode.TryGetValue(code, out var kind))
        {
            return kind == AwsErrorKind.Validation && reason == IamSynchronizationDelay ? AwsErrorKind.Transient : kind;
        }
        return httpStatus switch
        {
            429 => AwsErrorKind.Throttled,
            >= 500 => AwsErrorKind.Transient,
            404 => AwsErrorKind.NotFound,
            403 => AwsErrorKind.AccessDenied,
            409 => AwsErrorKind.Conflict,
            402 => AwsErrorKind.QuotaExceeded,
            400 => AwsErrorKind.Validation,
            _ => AwsErrorKind.Fatal,
        };
    }

    /// <summary>
    /// Whether the request may have taken effect although it failed: a server error after the request was sent.
    /// Rejections (throttling, validation, auth, conflict) are known not to have changed anything.
    /// </summary>
    public static bool OutcomeUnknown(AwsErrorKind kind, int httpStatus, string? reason) =>
        kind == AwsErrorKind.Transient && reason != IamSynchronizationDelay && httpStatus >= 500;
}
