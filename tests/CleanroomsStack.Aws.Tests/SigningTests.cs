using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Tests.Support;

namespace CleanroomsStack.Aws.Tests;

public sealed class SigningTests
{
    private const string NamespaceArn = "arn:aws:entityresolution:us-east-1:111122223333:idnamespace/ACXIdNamespace";

    [Fact]
    public void The_test_verifier_reproduces_the_AWS_SigV4_test_suite_get_vanilla_vector()
    {
        // aws-sig-v4-test-suite/get-vanilla: GET / with host and x-amz-date, credentials AKIDEXAMPLE.
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };
        var signature = SigV4Verifier.Sign("GET", "/", "", name => headers.GetValueOrDefault(name), ["host", "x-amz-date"], "",
            "20150830T123600Z", "20150830/us-east-1/service/aws4_request", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "service");
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Theory]
    [InlineData("cleanrooms")]
    [InlineData("entityresolution")]
    [InlineData("sts")]
    public async Task Every_service_is_signed_with_its_own_name_and_the_configured_region_and_the_signature_verifies(string service)
    {
        await using var server = await RecordingServer.StartAsync();
        var api = TestClients.Create(server);

        await IgnoreResponse(service switch
        {
            "cleanrooms" => api.ListMembersAsync("27b93e2b-5001-4b20-a47b-6aad96ec8958", default),
            "entityresolution" => api.GetIdNamespaceAsync(NamespaceArn, default),
            _ => api.GetCallerIdentityAsync(default),
        });

        var request = Assert.Single(server.Requests);
        var auth = SigV4Verifier.Parse(request.Header("authorization")!);
        Assert.Equal(service, auth.Service);
        Assert.Equal(TestClients.Region, auth.Region);
        Assert.Equal(TestClients.AccessKey, auth.AccessKey);
        Assert.Contains("host", auth.SignedHeaders);
        Assert.StartsWith("cleanrooms-stack/", request.Header("user-agent"));
        Assert.Contains("x-amz-date", auth.SignedHeaders);
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, TestClients.SecretKey), auth.Signature);
    }

    [Fact]
    public async Task An_ARN_label_is_sent_single_encoded_and_signed_double_encoded()
    {
        await using var server = await RecordingServer.StartAsync();
        await IgnoreResponse(TestClients.Create(server).GetIdNamespaceAsync(NamespaceArn, default));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/idnamespaces/arn%3Aaws%3Aentityresolution%3Aus-east-1%3A111122223333%3Aidnamespace%2FACXIdNamespace", request.Path);
        // The verifier double-encodes the path; a signer that signed the single-encoded path would not match.
        Assert.Equal(SigV4Verifier.ExpectedSignature(request, TestClients.SecretKey), SigV4Verifier.Parse(request.Header("authorization")!).Signature);
    }

    [Fact]
    public async Task Session_credentials_send_and_sign_the_security_token()
    {
        await using var server = await RecordingServer.StartAsync();
        await IgnoreResponse(TestClients.Create(server).ListConfiguredTablesAsync(default));

        var request = Assert.Single(server.Requests);
        Assert.Equal(TestClients.SessionToken, request.Header("x-amz-security-token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.Parse(request.Header("authorization")!).SignedHeaders);
    }

    [Fact]
    public async Task Long_term_credentials_send_no_security_token()
    {
        await using var server = await RecordingServer.StartAsync();
        await IgnoreResponse(TestClients.Create(server, withSessionToken: false).ListConfiguredTablesAsync(default));

        Assert.Null(Assert.Single(server.Requests).Header("x-amz-security-token"));
    }

    [Fact]
    public async Task Each_retry_is_signed_afresh_with_the_credentials_current_at_that_attempt()
    {
        await using var server = await RecordingServer.StartAsync();
        server.RespondInSequence(
            CannedResponse.Error(500, "InternalServerException", """{"message":"boom"}"""),
            CannedResponse.Json("""{"configuredTableSummaries":[]}"""));
        var rotating = new RotatingCredentials();
        var context = new ResolvedAwsContext(rotating, TestClients.Region, ServiceEndpoints.Resolve(server.Url, TestClients.Region, _ => null), "test");
        var api = CleanRoomsClientFactory.Create(context, TestClients.FastRetries);

        await api.ListConfiguredTablesAsync(default);

        var keys = server.Requests.Select(r => SigV4Verifier.Parse(r.Header("authorization")!).AccessKey).ToList();
        Assert.Equal(["AKIDROTATION1", "AKIDROTATION2"], keys);
        Assert.All(server.Requests, r =>
            Assert.Equal(SigV4Verifier.ExpectedSignature(r, "secret-" + SigV4Verifier.Parse(r.Header("authorization")!).AccessKey), SigV4Verifier.Parse(r.Header("authorization")!).Signature));
    }

    /// <summary>Returns new keys on every fetch, like a refreshing credential provider would over time.</summary>
    private sealed class RotatingCredentials : AWSCredentials
    {
        private int _fetches;

        public override ImmutableCredentials GetCredentials()
        {
            var key = "AKIDROTATION" + Interlocked.Increment(ref _fetches);
            return new ImmutableCredentials(key, "secret-" + key, null);
        }
    }

    private static async Task IgnoreResponse(Task call)
    {
        try
        {
            await call;
        }
        catch (CleanroomsStack.Engine.Ports.AwsApiException e) when (e.Code == "MalformedResponse")
        {
            // The recording server answers "{}"; these tests look only at the request.
        }
    }
}
