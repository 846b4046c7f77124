using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>
/// An HTTP client whose requests are signed by the AWS SDK for .NET's own SigV4 handler, so the emulator's
/// verifier is checked against an implementation it shares nothing with.
/// </summary>
public sealed class SignedClient : IDisposable
{
    private readonly HttpClient _http;

    public SignedClient(Uri endpoint, string accessKeyId, string secret, string service = "cleanrooms",
        DateTime? signedAt = null, HttpMessageHandler? transport = null)
        : this(endpoint, new BasicAWSCredentials(accessKeyId, secret), service, signedAt, transport)
    {
    }

    public SignedClient(Uri endpoint, AWSCredentials credentials, string service = "cleanrooms",
        DateTime? signedAt = null, HttpMessageHandler? transport = null)
    {
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.USEast1,
            Service = service,
            SignedAt = signedAt,
        };
        _http = new HttpClient(new SigV4SigningHandler(parameters, transport ?? new HttpClientHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = endpoint,
        };
    }

    /// <summary>A client for one of the demo world's accounts (key <c>AKIA&lt;account&gt;TEST</c>).</summary>
    public static SignedClient For(Uri endpoint, string accountId, string service = "cleanrooms") =>
        new(endpoint, $"AKIA{accountId}TEST", $"demo-secret-{accountId}", service);

    public Task<AwsResponse> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery, null);

    public Task<AwsResponse> PostAsync(string path, JsonObject body) => SendAsync(HttpMethod.Post, path, body);

    public Task<AwsResponse> PatchAsync(string path, JsonObject body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<AwsResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<AwsResponse> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body, string contentType = "application/json",
        string? target = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request);
        return await AwsResponseReader.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();
}

public static class AwsResponseReader
{
    public static async Task<AwsResponse> ReadAsync(HttpResponseMessage response)
    {
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var e) ? e.First() : null;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var r) ? r.First() : null;
        return new AwsResponse(response.StatusCode, errorType, requestId, await response.Content.ReadAsStringAsync());
    }
}
