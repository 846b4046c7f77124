using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>What the server received, byte for byte where it matters (the raw request target keeps %-encoding).</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => RawTarget.Split('?', 2)[0];
    public string Query => RawTarget.Contains('?') ? RawTarget.Split('?', 2)[1] : "";
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>A canned AWS-shaped answer.</summary>
public sealed record CannedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Json(string body, int status = 200) => new(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" });

    public static CannedResponse Error(int status, string code, string body) => new(status, body, new Dictionary<string, string>
    {
        ["Content-Type"] = "application/json",
        ["X-Amzn-ErrorType"] = $"{code}:http://internal.amazon.com/coral/com.amazonaws.cleanrooms/",
        ["x-amzn-RequestId"] = "req-" + code,
    });
}

/// <summary>
/// Kestrel on 127.0.0.1 with an ephemeral port: records every request and answers with whatever the test's responder
/// returns. A responder may also delay or drop the connection to simulate lost responses.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, Task<CannedResponse?>> _responder = _ => Task.FromResult<CannedResponse?>(CannedResponse.Json("{}"));

    private RecordingServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new RecordingServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.Url = server._app.Urls.Single();
        return server;
    }

    /// <summary>Sets the answer; returning null aborts the connection without a response.</summary>
    public void Respond(Func<RecordedRequest, CannedResponse?> responder) => _responder = r => Task.FromResult(responder(r));

    public void RespondAsync(Func<RecordedRequest, Task<CannedResponse?>> responder) => _responder = responder;

    /// <summary>Answers each request with the next response of the list (the last one repeats).</summary>
    public void RespondInSequence(params CannedResponse[] responses)
    {
        var index = -1;
        Respond(_ => responses[Math.Min(Interlocked.Increment(ref index), responses.Length - 1)]);
    }

    public void Clear() => _requests.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, body);
        _requests.Enqueue(recorded);
        var response = await _responder(recorded);
        if (response is null)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (response.Body.Length > 0) await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
