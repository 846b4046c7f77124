using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Tests;

/// <summary>The next step printed under a failed AWS call names what to grant or raise, from the error itself.</summary>
public sealed class FailureHintTests
{
    [Theory]
    [InlineData("CreateMembership", "`cleanrooms:CreateMembership`")]
    [InlineData("GetIdNamespace", "`entityresolution:GetIdNamespace`")]
    [InlineData("NotAnOperation", "a permission for NotAnOperation")]
    public void Access_denied_names_the_IAM_action_of_the_operation(string operation, string named)
    {
        var error = new AwsApiException(AwsErrorKind.AccessDenied, operation, "AccessDeniedException", "not allowed", 403);

        Assert.Equal($"the credentials lack {named}; grant it (`cleanrooms-stack policy` prints all the tool needs) and run again.",
            FailureHints.For(error));
    }

    [Fact]
    public void Quota_exceeded_names_the_quota_when_AWS_does()
    {
        var named = new AwsApiException(AwsErrorKind.QuotaExceeded, "CreateMembership", "ServiceQuotaExceededException", "limit", 402)
        {
            QuotaName = "Memberships per account",
        };

        Assert.StartsWith("the quota 'Memberships per account' is reached;", FailureHints.For(named));
        Assert.StartsWith("a service quota is reached;", FailureHints.For(new AwsApiException(AwsErrorKind.QuotaExceeded, "CreateMembership", "ServiceQuotaExceededException", "limit", 402)));
    }
}
