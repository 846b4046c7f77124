using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Tests.Support;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// Profiles whose credentials come from another service or program (assume-role via STS, SSO via the portal,
/// credential_process), resolved by AWSSDK.Core exactly as the AWS CLI would, with the services served locally.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialProviderTests : IAsyncLifetime
{
    private readonly TemporaryAwsEnvironment _env = new();
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _env.Dispose();
    }

    private async Task<RecordedRequest> CleanRoomsRequestSignedWith(ResolvedAwsContext context)
    {
        var api = CleanRoomsClientFactory.Create(context, TestClients.SingleAttempt);
        await api.ListCollaborationsAsync("INVITED", default);
        return _server.Requests.Last(r => r.Path == "/collaborations");
    }

    [Fact]
    public async Task An_assume_role_profile_calls_STS_with_the_source_profile_and_signs_with_the_role_credentials()
    {
        _env.WriteCredentials("""
            [base]
            aws_access_key_id = AKIDBASEPROFILE
            aws_secret_access_key = base-secret
            """);
        _env.WriteConfig("""
            [profile admin]
            role_arn = arn:aws:iam::111122223333:role/Admin
            source_profile = base
            role_session_name = cleanrooms-stack
            region = us-east-1
            """);
        _env.Set("AWS_ENDPOINT_URL_STS", _server.Url);
        _server.Respond(request => request.Path == "/" ? new CannedResponse(200, """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials><AccessKeyId>ASIAASSUMEDROLE</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>
                  <SessionToken>assumed-session-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:cleanrooms-stack</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/Admin/cleanrooms-stack</Arn></AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>assume-1</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }) : CannedResponse.Json("""{"collaborationList":[]}"""));

        var context = AwsContextResolver.Resolve(new AwsSettings(Profile: "admin", EndpointUrl: _server.Url));
        var request = await CleanRoomsRequestSignedWith(context);

        var assume = _server.Requests.First();
        Assert.Contains("AssumeRole", assume.Body);
        Assert.Contains("arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FAdmin", assume.Body);
        Assert.Equal("AKIDBASEPROFILE", SigV4Verifier.Parse(assume.Header("authorization")!).AccessKey);
        Assert.Equal("ASIAASSUMEDROLE", SigV4Verifier.Parse(request.Header("authorization")!).AccessKey);
        Assert.Equal("assumed-session-token", request.Header("x-amz-security-token"));
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, "assumed-secret"), SigV4Verifier.Parse(request.Header("authorization")!).Signature);
    }

    [Fact]
    public async Task An_SSO_profile_with_a_valid_cached_token_gets_role_credentials_from_the_portal()
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
            {"startUrl":"https://example.awsapps.com/start","region":"us-east-1","accessToken":"valid-sso-access-token","expiresAt":"2099-01-01T00:00:00Z"}
            """);
        _env.Set("AWS_ENDPOINT_URL_SSO", _server.Url);
        _server.Respond(request => request.Path == "/federation/credentials"
            ? CannedResponse.Json("""{"roleCredentials":{"accessKeyId":"ASIAFROMSSO","secretAccessKey":"sso-secret","sessionToken":"sso-session-token","expiration":4070908800000}}""")
            : CannedResponse.Json("""{"collaborationList":[]}"""));

        var context = AwsContextResolver.Resolve(new AwsSettings(Profile: "sso-dev", EndpointUrl: _server.Url));
        var request = await CleanRoomsRequestSignedWith(context);

        var portal = _server.Requests.First();
        Assert.Equal("valid-sso-access-token", portal.Header("x-amz-sso_bearer_token"));
        Assert.Equal([new("account_id", "111122223333"), new("role_name", "Admin")], WireAssert.DecodeQuery(portal.Query));
        Assert.Equal("ASIAFROMSSO", SigV4Verifier.Parse(request.Header("authorization")!).AccessKey);
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, "sso-secret"), SigV4Verifier.Parse(request.Header("authorization")!).Signature);
    }

    [Theory]
    [InlineData(403, "ForbiddenException", "AWS SSO refused role 'Admin' in account 111122223333: check sso_account_id and sso_role_name of the profile, or ask for access to that permission set.")]
    [InlineData(404, "ResourceNotFoundException", "AWS SSO refused role 'Admin' in account 111122223333: check sso_account_id and sso_role_name of the profile, or ask for access to that permission set.")]
    [InlineData(401, "UnauthorizedException", "The AWS SSO session has expired or is missing: run `aws sso login --profile sso-dev` and try again.")]
    public async Task The_SSO_portal_s_answer_decides_the_advice(int status, string code, string message)
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
            {"startUrl":"https://example.awsapps.com/start","region":"us-east-1","accessToken":"valid-sso-access-token","expiresAt":"2099-01-01T00:00:00Z"}
            """);
        _env.Set("AWS_ENDPOINT_URL_SSO", _server.Url);
        _server.Respond(_ => new CannedResponse(status, """{"message":"No access"}""",
            new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-amzn-ErrorType"] = code }));

        var api = CleanRoomsClientFactory.Create(AwsContextResolver.Resolve(new AwsSettings(Profile: "sso-dev", EndpointUrl: _server.Url)), TestClients.SingleAttempt);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => api.ListCollaborationsAsync(null, default));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task An_SSO_profile_in_the_sso_session_format_uses_the_token_cached_under_the_session_name()
    {
        _env.WriteConfig("""
            [profile sso-new]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = ReadOnly
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """);
        _env.WriteFile(".aws/sso/cache/" + SsoCache.FileName("corp"), """
            {"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"session-token-corp","expiresAt":"2099-01-01T00:00:00Z",
             "clientId":"cid","clientSecret":"csecret","registrationExpiresAt":"2099-01-01T00:00:00Z","refreshToken":"rt"}
            """);
        _env.Set("AWS_ENDPOINT_URL_SSO", _server.Url);
        _server.Respond(request => request.Path == "/federation/credentials"
            ? CannedResponse.Json("""{"roleCredentials":{"accessKeyId":"ASIASESSION","secretAccessKey":"session-secret","sessionToken":"t","expiration":4070908800000}}""")
            : CannedResponse.Json("""{"collaborationList":[]}"""));

        var request = await CleanRoomsRequestSignedWith(AwsContextResolver.Resolve(new AwsSettings(Profile: "sso-new", EndpointUrl: _server.Url)));

        Assert.Equal("session-token-corp", _server.Requests.First().Header("x-amz-sso_bearer_token"));
        Assert.Equal("ASIASESSION", SigV4Verifier.Parse(request.Header("authorization")!).AccessKey);
    }

    [Fact]
    public async Task A_credential_process_profile_runs_the_program_and_uses_its_keys()
    {
        var script = _env.WriteExecutable("bin/credentials.sh", """
            #!/bin/sh
            echo '{"Version":1,"AccessKeyId":"AKIDFROMPROCESS","SecretAccessKey":"process-secret","SessionToken":"process-token","Expiration":"2099-01-01T00:00:00Z"}'
            """);
        _env.WriteConfig($"""
            [profile tool]
            credential_process = {script}
            region = eu-central-1
            """);

        var context = AwsContextResolver.Resolve(new AwsSettings(Profile: "tool"));
        var keys = await context.Credentials.GetCredentialsAsync();

        Assert.Equal(("AKIDFROMPROCESS", "process-secret", "process-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        Assert.Equal("eu-central-1", context.Region);
    }

    [Fact]
    public async Task A_failing_credential_process_names_the_profile()
    {
        var script = _env.WriteExecutable("bin/broken.sh", "#!/bin/sh\necho 'not json'\nexit 3\n");
        _env.WriteConfig($"""
            [profile broken]
            credential_process = {script}
            region = eu-central-1
            """);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var context = AwsContextResolver.Resolve(new AwsSettings(Profile: "broken"));
            await context.Credentials.GetCredentialsAsync();
        });

        var credentialsError = Assert.IsType<AwsCredentialsException>(error);
        Assert.StartsWith("Could not obtain the credentials of AWS profile 'broken': ", credentialsError.Message);
    }
}
