using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Tests;

/// <summary>Real error responses, as AWS sends them, become AwsApiException with the right kind and members.</summary>
public sealed class ErrorMappingTests : IAsyncLifetime
{
    private const string MembershipId = "6610c9aa-9002-475c-8695-d833485741bc";
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<AwsApiException> FailingCall(CannedResponse response, Func<ICleanRoomsApi, Task>? call = null)
    {
        _server.Respond(_ => response);
        var api = TestClients.Create(_server);
        return await Assert.ThrowsAsync<AwsApiException>(() => (call ?? (a => a.GetMembershipAsync(MembershipId, default)))(api));
    }

    [Theory]
    [InlineData(403, "AccessDeniedException", AwsErrorKind.AccessDenied)]
    [InlineData(409, "ConflictException", AwsErrorKind.Conflict)]
    [InlineData(500, "InternalServerException", AwsErrorKind.Transient)]
    [InlineData(404, "ResourceNotFoundException", AwsErrorKind.NotFound)]
    [InlineData(402, "ServiceQuotaExceededException", AwsErrorKind.QuotaExceeded)]
    [InlineData(429, "ThrottlingException", AwsErrorKind.Throttled)]
    [InlineData(400, "ThrottlingException", AwsErrorKind.Throttled)]
    [InlineData(400, "ValidationException", AwsErrorKind.Validation)]
    [InlineData(402, "ExceedsLimitException", AwsErrorKind.QuotaExceeded)]
    [InlineData(400, "ConflictException", AwsErrorKind.Conflict)]
    [InlineData(403, "UnrecognizedClientException", AwsErrorKind.Fatal)]
    [InlineData(403, "InvalidSignatureException", AwsErrorKind.Fatal)]
    [InlineData(403, "ExpiredTokenException", AwsErrorKind.Fatal)]
    [InlineData(403, "MissingAuthenticationTokenException", AwsErrorKind.Fatal)]
    public async Task Each_modeled_code_maps_to_its_kind_keeping_code_message_status_and_request_id(int status, string code, AwsErrorKind kind)
    {
        var error = await FailingCall(CannedResponse.Error(status, code, """{"message":"details from AWS"}"""));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal("details from AWS", error.AwsMessage);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("req-" + code, error.RequestId);
        Assert.Equal("GetMembership", error.Operation);
    }

    [Fact]
    public async Task Conflict_keeps_reason_resource_id_and_type()
    {
        var error = await FailingCall(CannedResponse.Error(409, "ConflictException",
            """{"message":"exists","reason":"ALREADY_EXISTS","resourceId":"abc","resourceType":"CONFIGURED_TABLE_ASSOCIATION"}"""));

        Assert.Equal((AwsErrorKind.Conflict, "ALREADY_EXISTS", "abc", "CONFIGURED_TABLE_ASSOCIATION"), (error.Kind, error.Reason, error.ResourceId, error.ResourceType));
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task Validation_keeps_its_field_list()
    {
        var error = await FailingCall(CannedResponse.Error(400, "ValidationException",
            """{"message":"bad","reason":"FIELD_VALIDATION_FAILED","fieldList":[{"name":"name","message":"must match pattern"},{"name":"roleArn","message":"too short"}]}"""));

        Assert.Equal(AwsErrorKind.Validation, error.Kind);
        Assert.Equal("FIELD_VALIDATION_FAILED", error.Reason);
        Assert.Equal([new FieldProblem("name", "must match pattern"), new FieldProblem("roleArn", "too short")], error.FieldList);
    }

    [Fact]
    public async Task Quota_exceeded_keeps_quota_name_and_fractional_value()
    {
        var error = await FailingCall(CannedResponse.Error(402, "ServiceQuotaExceededException",
            """{"message":"limit","quotaName":"Memberships per account","quotaValue":100.5}"""));

        Assert.Equal((AwsErrorKind.QuotaExceeded, "Memberships per account", 100.5), (error.Kind, error.QuotaName, error.QuotaValue));
    }

    [Fact]
    public async Task IAM_synchronization_delay_is_transient_and_known_not_to_have_happened()
    {
        var error = await FailingCall(CannedResponse.Error(400, "ValidationException", """{"message":"role not yet usable","reason":"IAM_SYNCHRONIZATION_DELAY"}"""));

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_server_error_leaves_the_outcome_unknown()
    {
        var error = await FailingCall(CannedResponse.Error(500, "InternalServerException", """{"message":"oops"}"""));

        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task Without_the_error_type_header_the_code_comes_from_the_body_type_and_capital_Message_is_read()
    {
        var error = await FailingCall(new CannedResponse(404, """{"__type":"com.amazonaws.cleanrooms#ResourceNotFoundException","Message":"gone","resourceId":"m","resourceType":"MEMBERSHIP"}"""));

        Assert.Equal((AwsErrorKind.NotFound, "ResourceNotFoundException", "gone", "MEMBERSHIP"), (error.Kind, error.Code, error.AwsMessage, error.ResourceType));
    }

    [Theory]
    [InlineData(503, AwsErrorKind.Transient)]
    [InlineData(429, AwsErrorKind.Throttled)]
    [InlineData(404, AwsErrorKind.NotFound)]
    [InlineData(418, AwsErrorKind.Fatal)]
    public async Task An_unmodeled_error_without_body_is_classified_by_status(int status, AwsErrorKind kind)
    {
        var error = await FailingCall(new CannedResponse(status, "<html>gateway</html>"));

        Assert.Equal((kind, $"Http{status}"), (error.Kind, error.Code));
    }

    [Theory]
    [InlineData("ExpiredToken", 403, AwsErrorKind.Fatal)]
    [InlineData("InvalidClientTokenId", 403, AwsErrorKind.Fatal)]
    [InlineData("Throttling", 400, AwsErrorKind.Throttled)]
    public async Task STS_query_errors_are_read_from_XML(string code, int status, AwsErrorKind kind)
    {
        var xml = $"""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>{code}</Code><Message>sts says no</Message></Error>
              <RequestId>sts-req-1</RequestId>
            </ErrorResponse>
            """;
        var error = await FailingCall(new CannedResponse(status, xml), api => api.GetCallerIdentityAsync(default));

        Assert.Equal((kind, code, "sts says no", "sts-req-1"), (error.Kind, error.Code, error.AwsMessage, error.RequestId));
    }

    [Fact]
    public async Task A_success_response_that_is_not_the_expected_JSON_is_a_fatal_malformed_response()
    {
        var error = await FailingCall(CannedResponse.Json("""{"membership": "not an object"}"""));

        Assert.Equal((AwsErrorKind.Fatal, "MalformedResponse"), (error.Kind, error.Code));
    }
}
