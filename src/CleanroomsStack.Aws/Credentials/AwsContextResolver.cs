using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Credentials;

/// <summary>
/// Resolves credentials, region and endpoints the way the AWS CLI does, through AWSSDK.Core's public API:
/// <list type="bullet">
/// <item>--profile: that profile from the shared files (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE honoured by the SDK),
/// including SSO, assume-role and credential_process profiles; environment keys are then ignored, as in the CLI.</item>
/// <item>otherwise the SDK default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN], then AWS_PROFILE or
/// the "default" profile, then container/instance credentials.</item>
/// <item>region: --region, AWS_REGION, AWS_DEFAULT_REGION, the selected profile's region (FallbackRegionFactory for the
/// default profile).</item>
/// </list>
/// </summary>
public static class AwsContextResolver
{
    private const string FixHint = "run `aws configure`, set AWS_PROFILE, or use --profile";

    public static ResolvedAwsContext Resolve(AwsSettings settings, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var environmentProfile = NonEmpty(environment("AWS_PROFILE"));
        if (settings.Profile is not { Length: > 0 } && environmentProfile is not null) RequireProfile(environmentProfile, " (from AWS_PROFILE)");
        var (credentials, source) = settings.Profile is { Length: > 0 } profile
            ? (FromProfile(profile), $"profile '{profile}'")
            : (FromDefaultChain(environment), DescribeDefaultChain(environment));
        var region = ResolveRegion(settings, environment);
        var endpoints = ServiceEndpoints.Resolve(settings.EndpointUrl, region, environment);
        var profileForHints = settings.Profile ?? environmentProfile;
        return new ResolvedAwsContext(new ActionableCredentials(credentials, profileForHints), region, endpoints, source);
    }

    private static AWSCredentials FromProfile(string profile)
    {
        var chain = RequireProfile(profile, "");
        if (!chain.TryGetAWSCredentials(profile, out var credentials))
        {
            throw new AwsCredentialsException(
                $"The AWS profile '{profile}' has no usable credentials (no keys, role, SSO session or credential_process). " +
                $"Run `aws configure --profile {profile}` or `aws configure sso --profile {profile}`.");
        }
        return credentials;
    }

    /// <summary>A named profile must exist, as in the AWS CLI, even when other credentials are around.</summary>
    private static CredentialProfileStoreChain RequireProfile(string profile, string origin)
    {
        var chain = new CredentialProfileStoreChain();
        if (!chain.TryGetProfile(profile, out _))
        {
            throw new AwsCredentialsException(
                $"The AWS profile '{profile}'{origin} was not found in the shared config or credentials file. " +
                $"Check the name with `aws configure list-profiles`, or create it with `aws configure --profile {profile}`.");
        }
        return chain;
    }

    private static AWSCredentials FromDefaultChain(Func<string, string?> environment)
    {
        try
        {
            using var resolver = new DefaultAWSCredentialsIdentityResolver();
            return resolver.ResolveIdentity(null);
        }
        catch (AmazonClientException e)
        {
            throw new AwsCredentialsException($"No AWS credentials found: {FixHint}.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            var profile = NonEmpty(environment("AWS_PROFILE")) ?? "default";
            throw new AwsCredentialsException($"The AWS credentials of profile '{profile}' can't be used ({e.Message}). Fix the profile: {FixHint}.", e);
        }
    }

    private static string DescribeDefaultChain(Func<string, string?> environment) =>
        NonEmpty(environment("AWS_ACCESS_KEY_ID")) is not null ? "environment variables (AWS_ACCESS_KEY_ID)"
        : NonEmpty(environment("AWS_PROFILE")) is { } profile ? $"profile '{profile}' (AWS_PROFILE)"
        : "the default credential chain";

    private static string ResolveRegion(AwsSettings settings, Func<string, string?> environment)
    {
        var region = NonEmpty(settings.Region)
            ?? NonEmpty(environment("AWS_REGION"))
            ?? NonEmpty(environment("AWS_DEFAULT_REGION"))
            ?? (settings.Profile is { Length: > 0 } profile ? ProfileRegion(profile) : DefaultChainRegion())
            ?? NonEmpty(settings.FallbackRegion);
        if (region is null)
        {
            throw new AwsConfigurationException(
                "No AWS region is set: pass --region, set AWS_REGION, or add `region = ...` to your profile (`aws configure set region us-east-1`).");
        }
        if (!IsRegionName(region))
        {
            throw new AwsConfigurationException($"'{region}' is not an AWS region name: use one like us-east-1 or eu-west-2.");
        }
        return region;
    }

    private static string? ProfileRegion(string profile) =>
        new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;

    private static string? DefaultChainRegion()
    {
        // The factory caches its answer process-wide; reset it so a changed environment is seen.
        FallbackRegionFactory.Reset();
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>Region names are lowercase letters, digits and hyphens (us-east-1, us-gov-west-1); they become part of a host name.</summary>
    /// <summary>The same rule as the config's region, so --region, AWS_REGION and the profile are held to it too.</summary>
    private static bool IsRegionName(string region) => Core.Config.Formats.IsRegion(region);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
