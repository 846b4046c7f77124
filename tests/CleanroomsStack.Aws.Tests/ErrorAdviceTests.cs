using CleanroomsStack.Aws.Errors;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

public sealed class ErrorAdviceTests
{
    private static AwsApiException Error(AwsErrorKind kind, string operation, string code, string message = "details", int status = 400) =>
        new(kind, operation, code, message, status, "req-1");

    [Fact]
    public void Access_denied_names_the_IAM_action_of_the_right_service()
    {
        Assert.Equal(
            "CreateMembership failed: AccessDeniedException: not allowed (AWS request id req-1). Grant `cleanrooms:CreateMembership` to the role or user these credentials belong to.",
            AwsErrorAdvice.Describe(Error(AwsErrorKind.AccessDenied, "CreateMembership", "AccessDeniedException", "not allowed", 403)));
        Assert.Equal("entityresolution:GetIdNamespace", AwsErrorAdvice.IamAction("GetIdNamespace"));
        Assert.Equal("glue:GetTables", AwsErrorAdvice.IamAction("GetTables"));
        Assert.Equal("sts:GetCallerIdentity", AwsErrorAdvice.IamAction("GetCallerIdentity"));
    }

    [Fact]
    public void Quota_exceeded_names_the_quota_and_its_value()
    {
        var withQuota = new AwsApiException(AwsErrorKind.QuotaExceeded, "CreateMembership", "ServiceQuotaExceededException", "limit", 402)
        {
            QuotaName = "Memberships per account", QuotaValue = 100,
        };

        Assert.EndsWith("The quota 'Memberships per account' (100) is reached: remove unused resources or request an increase in Service Quotas.",
            AwsErrorAdvice.Describe(withQuota));
    }

    [Fact]
    public void Validation_lists_the_fields_to_fix()
    {
        var error = new AwsApiException(AwsErrorKind.Validation, "CreateConfiguredTableAssociation", "ValidationException", "bad", 400)
        {
            FieldList = [new FieldProblem("name", "must match pattern"), new FieldProblem("roleArn", "too short")],
        };

        Assert.Equal("CreateConfiguredTableAssociation failed: ValidationException: bad. Fix: name: must match pattern; roleArn: too short.",
            AwsErrorAdvice.Describe(error));
    }

    [Fact]
    public void Rejected_credentials_say_to_refresh_them_and_unknown_outcomes_say_to_preview()
    {
        Assert.EndsWith("AWS rejected the credentials: refresh them (`aws sso login`, a new session token, or a valid access key) and run again.",
            AwsErrorAdvice.Describe(Error(AwsErrorKind.Fatal, "ListMemberships", "ExpiredTokenException", status: 403)));
        var unknown = new AwsApiException(AwsErrorKind.Transient, "CreateConfiguredTableAssociation", "RequestTimeout", "no response", 0) { OutcomeUnknown = true };
        Assert.Equal("CreateConfiguredTableAssociation failed: RequestTimeout: no response. The request may or may not have taken effect: run `preview` to see the current state before applying again.",
            AwsErrorAdvice.Describe(unknown));
    }

    [Fact]
    public void Not_found_names_the_resource()
    {
        var error = new AwsApiException(AwsErrorKind.NotFound, "GetMembership", "ResourceNotFoundException", "gone", 404)
        {
            ResourceType = "MEMBERSHIP", ResourceId = "m-1",
        };

        Assert.EndsWith("The membership 'm-1' does not exist (or is not visible to this account).", AwsErrorAdvice.Describe(error));
    }
}
