using CleanroomsStack.Aws.Errors;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

/// <summary>Every modeled error code of every operation we call (facts §2c, §5, §6) has a deliberate kind.</summary>
public sealed class ErrorTaxonomyTableTests
{
    [Theory]
    // Glue GetTable/GetTables (awsJson1_1, HTTP 400 for all client errors, so the code must decide).
    [InlineData("EntityNotFoundException", 400, AwsErrorKind.NotFound)]
    [InlineData("InvalidInputException", 400, AwsErrorKind.Validation)]
    [InlineData("InternalServiceException", 500, AwsErrorKind.Transient)]
    [InlineData("OperationTimeoutException", 400, AwsErrorKind.Transient)]
    [InlineData("ResourceNotReadyException", 400, AwsErrorKind.Transient)]
    [InlineData("FederationSourceRetryableException", 400, AwsErrorKind.Transient)]
    [InlineData("FederationSourceException", 400, AwsErrorKind.Fatal)]
    [InlineData("GlueEncryptionException", 400, AwsErrorKind.AccessDenied)]
    // Entity Resolution's differences from Clean Rooms: ConflictException is 400, quota is ExceedsLimitException.
    [InlineData("ConflictException", 400, AwsErrorKind.Conflict)]
    [InlineData("ExceedsLimitException", 402, AwsErrorKind.QuotaExceeded)]
    // STS (awsQuery) and AWS front-door codes.
    [InlineData("ExpiredToken", 403, AwsErrorKind.Fatal)]
    [InlineData("InvalidClientTokenId", 403, AwsErrorKind.Fatal)]
    [InlineData("SignatureDoesNotMatch", 403, AwsErrorKind.Fatal)]
    [InlineData("IncompleteSignature", 400, AwsErrorKind.Fatal)]
    [InlineData("AccessDenied", 403, AwsErrorKind.AccessDenied)]
    [InlineData("Throttling", 400, AwsErrorKind.Throttled)]
    [InlineData("TooManyRequestsException", 429, AwsErrorKind.Throttled)]
    [InlineData("RequestLimitExceeded", 400, AwsErrorKind.Throttled)]
    [InlineData("ServiceUnavailable", 503, AwsErrorKind.Transient)]
    public void Code_maps_to_kind_regardless_of_status(string code, int status, AwsErrorKind kind) =>
        Assert.Equal(kind, AwsErrorTaxonomy.Classify(code, status, reason: null));

    [Theory]
    [InlineData("ValidationException", "IAM_SYNCHRONIZATION_DELAY", AwsErrorKind.Transient)]
    [InlineData("ValidationException", "FIELD_VALIDATION_FAILED", AwsErrorKind.Validation)]
    [InlineData("ValidationException", "INVALID_CONFIGURATION", AwsErrorKind.Validation)]
    [InlineData("ConflictException", "IAM_SYNCHRONIZATION_DELAY", AwsErrorKind.Conflict)]
    public void Only_a_validation_error_with_IAM_synchronization_delay_turns_transient(string code, string reason, AwsErrorKind kind) =>
        Assert.Equal(kind, AwsErrorTaxonomy.Classify(code, 400, reason));
}
