using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>STS AssumeRole and the SSO portal hand out session credentials that then sign real requests.</summary>
public sealed class TemporaryCredentialTests
{
    [Fact]
    public async Task Assumed_role_credentials_act_as_the_role_account()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var sts = StsClient(emulator, new BasicAWSCredentials($"AKIA{TestEmulator.Amc}TEST", $"demo-secret-{TestEmulator.Amc}"));

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{TestEmulator.Us}:role/deployer", RoleSessionName = "ci" });
        var credentials = assumed.Credentials;
        Assert.StartsWith("ASIA", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:sts::{TestEmulator.Us}:assumed-role/deployer/ci", assumed.AssumedRoleUser.Arn);

        using var asRole = StsClient(emulator, new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(TestEmulator.Us, identity.Account);
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);

        using var withoutToken = StsClient(emulator, new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey));
        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => withoutToken.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task Assume_role_validates_its_parameters_and_the_account()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var sts = StsClient(emulator, new BasicAWSCredentials($"AKIA{TestEmulator.Us}TEST", $"demo-secret-{TestEmulator.Us}"));

        // Built at run time: the SDK's analyzer would otherwise refuse these values at compile time.
        var tooShort = new string('a', 1);
        var tooBrief = int.Parse("60", System.Globalization.CultureInfo.InvariantCulture);
        var invalid = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111111111111:role/x", RoleSessionName = tooShort, DurationSeconds = tooBrief }));
        Assert.Equal("ValidationError", invalid.ErrorCode);

        var denied = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111111111111:role/x", RoleSessionName = "session" }));
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Sso_portal_exchanges_a_cached_token_for_role_credentials_that_expire()
    {
        var clock = new ManualClock();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };

        var response = await SsoAsync(http, "demo-sso-access-token", TestEmulator.Us);
        var credentials = response.Expect(HttpStatusCode.OK).Node("roleCredentials")!;
        var expiration = credentials["expiration"]!.GetValue<long>();
        Assert.InRange(expiration, clock.GetUtcNow().AddMinutes(59).ToUnixTimeMilliseconds(), clock.GetUtcNow().AddMinutes(61).ToUnixTimeMilliseconds());

        using var cleanrooms = new SessionSignedClient(emulator.Endpoint, credentials);
        (await cleanrooms.Client.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(61));
        (await cleanrooms.Client.GetAsync("/collaborations")).ExpectError(HttpStatusCode.Forbidden, "ExpiredTokenException");

        (await SsoAsync(http, "stolen", TestEmulator.Us)).ExpectError(HttpStatusCode.Unauthorized, "UnauthorizedException");
    }

    private static async Task<AwsResponse> SsoAsync(HttpClient http, string token, string account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/credentials?role_name=Admin&account_id={account}");
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", token);
        return await AwsResponseReader.ReadAsync(await http.SendAsync(request));
    }

    private static AmazonSecurityTokenServiceClient StsClient(RunningEmulator emulator, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = emulator.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    /// <summary>A Clean Rooms client signing with session credentials as the SSO portal returned them.</summary>
    private sealed class SessionSignedClient(Uri endpoint, JsonNode credentials) : IDisposable
    {
        public SignedClient Client { get; } = new(endpoint, new SessionAWSCredentials(
            credentials["accessKeyId"]!.GetValue<string>(),
            credentials["secretAccessKey"]!.GetValue<string>(),
            credentials["sessionToken"]!.GetValue<string>()));

        public void Dispose() => Client.Dispose();
    }
}
