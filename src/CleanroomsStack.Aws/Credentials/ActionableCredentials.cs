using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Credentials;

/// <summary>
/// Wraps the SDK's credentials so that a failure to obtain keys at call time (an expired SSO session, a failing
/// credential_process, an assume-role that is refused) surfaces as <see cref="AwsCredentialsException"/> with the
/// command that fixes it, instead of an SDK exception deep inside the signer.
/// </summary>
internal sealed class ActionableCredentials(AWSCredentials inner, string? profile) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials()
    {
        try
        {
            return inner.GetCredentials();
        }
        catch (Exception e) when (e is not OperationCanceledException and not AwsCredentialsException)
        {
            throw Translate(e);
        }
    }

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            return await inner.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not AwsCredentialsException)
        {
            throw Translate(e);
        }
    }

    private AwsCredentialsException Translate(Exception e)
    {
        var profileArgument = profile is null ? "" : $" --profile {profile}";
        var who = profile is null ? "the AWS credentials" : $"the credentials of AWS profile '{profile}'";
        if (inner is not SSOAWSCredentials sso)
        {
            return new AwsCredentialsException($"Could not obtain {who}: {e.Message}", e);
        }
        var portalError = Causes(e).OfType<AmazonServiceException>().FirstOrDefault();
        return portalError switch
        {
            // The portal answered, but this user may not use that role: logging in again would not help.
            Amazon.SSO.Model.ResourceNotFoundException or { ErrorCode: "ForbiddenException" } => new AwsCredentialsException(
                $"AWS SSO refused role '{sso.RoleName}' in account {sso.AccountId}: check sso_account_id and sso_role_name of the profile, " +
                "or ask for access to that permission set.", e),
            null or Amazon.SSO.Model.UnauthorizedException =>
                new AwsCredentialsException($"The AWS SSO session has expired or is missing: run `aws sso login{profileArgument}` and try again.", e),
            _ => new AwsCredentialsException($"Could not obtain {who} from AWS SSO: {portalError.ErrorCode}: {portalError.Message}", e),
        };
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException) yield return current;
    }
}
