using System.Net;
using System.Text;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>SigV4 is verified for real: every way a signature can be wrong is rejected as AWS rejects it.</summary>
public sealed class SignatureTests
{
    [Fact]
    public async Task Request_without_authorization_is_rejected_as_missing_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };

        var response = await AwsResponseReader.ReadAsync(await http.GetAsync("/collaborations"));

        response.ExpectError(HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
        Assert.Equal("Missing Authentication Token", response.Str("message"));
        Assert.NotNull(response.RequestId);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIA239083076653TEST/20250101/us-east-1/cleanrooms/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abc")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIA239083076653TEST/us-east-1/cleanrooms, SignedHeaders=host, Signature=abc")]
    [InlineData("Bearer abc")]
    public async Task Malformed_authorization_is_an_incomplete_signature(string header)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collaborations");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await AwsResponseReader.ReadAsync(await http.SendAsync(request));

        response.ExpectError(HttpStatusCode.Forbidden, "IncompleteSignatureException");
    }

    [Fact]
    public async Task Unknown_access_key_is_an_unrecognized_client()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new SignedClient(emulator.Endpoint, "AKIA000000000000TEST", "whatever");

        var response = await client.GetAsync("/collaborations");

        response.ExpectError(HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task Wrong_secret_is_an_invalid_signature_and_the_secret_is_never_echoed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new SignedClient(emulator.Endpoint, $"AKIA{TestEmulator.Us}TEST", "not-the-secret");

        var response = await client.GetAsync("/collaborations");

        response.ExpectError(HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.DoesNotContain("not-the-secret", response.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain($"demo-secret-{TestEmulator.Us}", response.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_an_invalid_signature()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new SignedClient(emulator.Endpoint, $"AKIA{TestEmulator.Us}TEST", $"demo-secret-{TestEmulator.Us}",
            transport: new BodyTamperingHandler());

        var response = await client.PostAsync("/memberships",
            new() { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });

        response.ExpectError(HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Request_dated_more_than_five_minutes_off_is_rejected(int minutes)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new SignedClient(emulator.Endpoint, $"AKIA{TestEmulator.Us}TEST", $"demo-secret-{TestEmulator.Us}",
            signedAt: DateTime.UtcNow.AddMinutes(minutes));

        var response = await client.GetAsync("/collaborations");

        response.ExpectError(HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.StartsWith("Signature expired", response.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_dated_four_minutes_off_is_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new SignedClient(emulator.Endpoint, $"AKIA{TestEmulator.Us}TEST", $"demo-secret-{TestEmulator.Us}",
            signedAt: DateTime.UtcNow.AddMinutes(-4));

        (await client.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Percent_encoded_arn_in_the_path_is_verified_with_the_double_encoded_canonical_uri()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "entityresolution");

        var response = await client.GetAsync("/idnamespaces/" + Uri.EscapeDataString(TestEmulator.IdNamespaceArn));

        response.Expect(HttpStatusCode.OK);
        Assert.Equal("ACXIdNamespace", response.Str("idNamespaceName"));
        Assert.Equal("SOURCE", response.Str("type"));
    }

    [Fact]
    public async Task The_caller_is_the_account_owning_the_key()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);

        var tables = await partner.GetAsync("/configuredTables");

        // Our 34 configured tables belong to our account: the AMC account sees none of them.
        Assert.Empty(tables.Expect(HttpStatusCode.OK).Node("configuredTableSummaries")!.AsArray());
    }

    /// <summary>Sits below the signer and alters the body, as a man in the middle would.</summary>
    private sealed class BodyTamperingHandler : DelegatingHandler
    {
        public BodyTamperingHandler() : base(new HttpClientHandler()) { }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var contentType = request.Content.Headers.ContentType;
            request.Content = new StringContent(body.Replace("ENABLED", "DISABLED", StringComparison.Ordinal), Encoding.UTF8);
            request.Content.Headers.ContentType = contentType;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
