using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>STS through the AWS SDK for .NET: awsQuery requests, XML answers and XML errors.</summary>
public sealed class StsTests
{
    [Fact]
    public async Task Get_caller_identity_names_the_account_owning_the_key()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var sts = Client(emulator, $"AKIA{TestEmulator.Amc}TEST", $"demo-secret-{TestEmulator.Amc}");

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(TestEmulator.Amc, identity.Account);
        Assert.Equal($"arn:aws:iam::{TestEmulator.Amc}:user/demo", identity.Arn);
    }

    [Theory]
    [InlineData("AKIA000000000000TEST", "x", "InvalidClientTokenId")]
    [InlineData("AKIA239083076653TEST", "wrong", "SignatureDoesNotMatch")]
    public async Task Bad_credentials_are_answered_in_the_query_protocol_error_shape(string key, string secret, string code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var sts = Client(emulator, key, secret);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    private static AmazonSecurityTokenServiceClient Client(RunningEmulator emulator, string key, string secret) =>
        new(new BasicAWSCredentials(key, secret), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = emulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
}
