using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Tests.Support;

namespace CleanroomsStack.Aws.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialResolutionTests : IDisposable
{
    private readonly TemporaryAwsEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private void WriteDevProfile()
    {
        _env.WriteCredentials("""
            [dev]
            aws_access_key_id = AKIDPROFILEDEV
            aws_secret_access_key = profile-dev-secret
            """);
        _env.WriteConfig("""
            [profile dev]
            region = eu-west-1
            """);
    }

    [Fact]
    public async Task A_static_profile_given_with_profile_supplies_keys_and_region()
    {
        WriteDevProfile();

        var context = AwsContextResolver.Resolve(new AwsSettings(Profile: "dev"));

        var keys = await context.Credentials.GetCredentialsAsync();
        Assert.Equal(("AKIDPROFILEDEV", "profile-dev-secret"), (keys.AccessKey, keys.SecretKey));
        Assert.Equal("eu-west-1", context.Region);
        Assert.Equal("profile 'dev', region eu-west-1", context.ToString());
    }

    [Fact]
    public async Task Environment_keys_win_over_AWS_PROFILE_in_the_default_chain()
    {
        WriteDevProfile();
        _env.Set("AWS_PROFILE", "dev");
        _env.Set("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
        _env.Set("AWS_SECRET_ACCESS_KEY", "env-secret");
        _env.Set("AWS_SESSION_TOKEN", "env-token");

        var context = AwsContextResolver.Resolve(new AwsSettings());

        var keys = await context.Credentials.GetCredentialsAsync();
        Assert.Equal(("AKIDFROMENV", "env-secret", "env-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        Assert.Equal("eu-west-1", context.Region);
    }

    [Fact]
    public async Task An_explicit_profile_wins_over_environment_keys_as_in_the_AWS_CLI()
    {
        WriteDevProfile();
        _env.Set("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
        _env.Set("AWS_SECRET_ACCESS_KEY", "env-secret");

        var keys = await AwsContextResolver.Resolve(new AwsSettings(Profile: "dev")).Credentials.GetCredentialsAsync();

        Assert.Equal("AKIDPROFILEDEV", keys.AccessKey);
    }

    [Fact]
    public void Region_precedence_is_flag_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_profile()
    {
        WriteDevProfile();
        Assert.Equal("eu-west-1", AwsContextResolver.Resolve(new AwsSettings(Profile: "dev")).Region);
        _env.Set("AWS_DEFAULT_REGION", "us-west-2");
        Assert.Equal("us-west-2", AwsContextResolver.Resolve(new AwsSettings(Profile: "dev")).Region);
        _env.Set("AWS_REGION", "ap-southeast-2");
        Assert.Equal("ap-southeast-2", AwsContextResolver.Resolve(new AwsSettings(Profile: "dev")).Region);
        Assert.Equal("ca-central-1", AwsContextResolver.Resolve(new AwsSettings(Profile: "dev", Region: "ca-central-1")).Region);
    }

    [Fact]
    public void Missing_credentials_say_how_to_configure_them()
    {
        _env.Set("AWS_REGION", "us-east-1");

        var error = Assert.Throws<AwsCredentialsException>(() => AwsContextResolver.Resolve(new AwsSettings()));

        Assert.Equal("No AWS credentials found: run `aws configure`, set AWS_PROFILE, or use --profile.", error.Message);
    }

    [Fact]
    public void An_unknown_profile_is_named_with_the_command_that_creates_it()
    {
        WriteDevProfile();

        var error = Assert.Throws<AwsCredentialsException>(() => AwsContextResolver.Resolve(new AwsSettings(Profile: "prod")));

        Assert.Equal("The AWS profile 'prod' was not found in the shared config or credentials file. " +
                     "Check the name with `aws configure list-profiles`, or create it with `aws configure --profile prod`.", error.Message);
    }

    [Fact]
    public void An_unknown_AWS_PROFILE_is_reported_even_when_environment_keys_exist()
    {
        WriteDevProfile();
        _env.Set("AWS_PROFILE", "typo");
        _env.Set("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
        _env.Set("AWS_SECRET_ACCESS_KEY", "env-secret");

        var error = Assert.Throws<AwsCredentialsException>(() => AwsContextResolver.Resolve(new AwsSettings(Region: "us-east-1")));

        Assert.Equal("The AWS profile 'typo' (from AWS_PROFILE) was not found in the shared config or credentials file. " +
                     "Check the name with `aws configure list-profiles`, or create it with `aws configure --profile typo`.", error.Message);
    }

    [Theory]
    [InlineData("us east 1")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    [InlineData("mars-1")]
    public void A_malformed_region_is_rejected_before_any_call(string region)
    {
        WriteDevProfile();

        var error = Assert.Throws<AwsConfigurationException>(() => AwsContextResolver.Resolve(new AwsSettings(Profile: "dev", Region: region)));

        Assert.Equal($"'{region}' is not an AWS region name: use one like us-east-1 or eu-west-2.", error.Message);
    }

    [Fact]
    public void A_missing_region_says_how_to_set_one()
    {
        _env.WriteCredentials("""
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = default-secret
            """);

        var error = Assert.Throws<AwsConfigurationException>(() => AwsContextResolver.Resolve(new AwsSettings()));

        Assert.Equal("No AWS region is set: pass --region, set AWS_REGION, or add `region = ...` to your profile (`aws configure set region us-east-1`).", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_expired_SSO_session_tells_the_user_to_log_in_again(bool profileFromFlag)
    {
        WriteExpiredSsoProfile();
        if (!profileFromFlag) _env.Set("AWS_PROFILE", "sso-dev");
        var settings = new AwsSettings(Profile: profileFromFlag ? "sso-dev" : null, EndpointUrl: "http://127.0.0.1:9");

        // The session is checked when a call is signed, so the error comes from the API call itself.
        var api = CleanRoomsClientFactory.Create(settings);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => api.ListMembershipsAsync(null, default));

        Assert.Equal("The AWS SSO session has expired or is missing: run `aws sso login --profile sso-dev` and try again.", error.Message);
    }

    private void WriteExpiredSsoProfile()
    {
        _env.WriteConfig("""
            [profile sso-dev]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = Admin
            region = us-east-1
            """);
        _env.WriteFile(".aws/sso/cache/" + SsoCache.FileName("https://example.awsapps.com/start"), """
            {"startUrl":"https://example.awsapps.com/start","region":"us-east-1","accessToken":"expired-token","expiresAt":"2020-01-01T00:00:00Z"}
            """);
    }
}
