using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Auth;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.Services.Sso;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>
/// The single entry point of every AWS request: verify the signature, pick the service from the credential
/// scope, find the operation, run it under the world lock, persist writes, and render the answer or the error.
/// </summary>
public sealed class RequestDispatcher(RouteTable routes, WorldHost host)
{
    public async Task HandleAsync(HttpContext http)
    {
        host.RequestStarted();
        try
        {
            await HandleCountedAsync(http).ConfigureAwait(false);
        }
        finally
        {
            host.RequestEnded();
        }
    }

    private async Task HandleCountedAsync(HttpContext http)
    {
        var request = await ReadAsync(http).ConfigureAwait(false);
        var requestId = Guid.NewGuid().ToString("D");
        OperationResult result;
        try
        {
            result = await DispatchAsync(request, requestId, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in the emulator still answers in the AWS shape, so clients report it instead of hanging or misparsing.
            var error = Errors.Internal($"The emulator failed to handle this request ({e.GetType().Name}: {e.Message}).");
            result = ErrorRenderer.Render(error, GuessProtocol(request), requestId);
        }

        await WriteAsync(http, result, requestId).ConfigureAwait(false);
    }

    private async Task<OperationResult> DispatchAsync(IncomingRequest request, string requestId, CancellationToken ct)
    {
        // The SSO portal authenticates with a bearer token instead of SigV4.
        if (request.Header(SsoPortalHandlers.BearerHeader) is not null)
            return await RunUnsignedAsync(SsoPortalHandlers.Service, request, requestId, ct).ConfigureAwait(false);

        var options = host.Options;
        AuthOutcome auth;
        await host.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            auth = SigV4Verifier.Verify(request, host.World.FindKey, options.Clock.GetUtcNow(), options.MaxClockSkew);
        }
        finally
        {
            host.Lock.Release();
        }

        var protocol = (auth.Header is null ? null : routes.ProtocolOf(auth.Header.Service)) ?? GuessProtocol(request);
        if (auth.Failure is not null)
        {
            host.Stats.Request(EmulatorStats.Unauthenticated);
            return ErrorRenderer.Render(ErrorRenderer.FromAuthFailure(auth.Failure, protocol), protocol, requestId);
        }

        var header = auth.Header!;
        if (header.Region != options.Region)
        {
            host.Stats.Request(EmulatorStats.Unauthenticated);
            var failure = new AuthFailure(AuthFailureKind.InvalidSignature,
                $"Credential should be scoped to a valid region, not '{header.Region}'. This endpoint serves '{options.Region}'.");
            return ErrorRenderer.Render(ErrorRenderer.FromAuthFailure(failure, protocol), protocol, requestId);
        }

        Route? route = null;
        try
        {
            (route, var labels, var form) = FindRoute(header.Service, protocol, request);
            var context = new OperationContext
            {
                Operation = route.Operation,
                Caller = auth.Caller!,
                Request = request,
                Labels = labels,
                Query = protocol == WireProtocol.AwsQuery ? form : QueryHelpers.ParseQuery(request.RawQuery),
                Body = protocol == WireProtocol.AwsQuery ? new JsonObject() : ParseBody(request.Body),
                World = host.World,
                RequestId = requestId,
            };
            return await FaultPipeline.RunAsync(host, route, context, protocol, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError error)
        {
            // Only errors raised before the fault pipeline (which counts every request it sees) arrive here.
            host.Stats.Request(route?.Operation ?? EmulatorStats.UnknownOperation);
            return ErrorRenderer.Render(error, protocol, requestId);
        }
    }

    private async Task<OperationResult> RunUnsignedAsync(string service, IncomingRequest request, string requestId, CancellationToken ct)
    {
        Route? route = null;
        try
        {
            (route, var labels, _) = FindRoute(service, WireProtocol.RestJson, request);
            var query = QueryHelpers.ParseQuery(request.RawQuery);
            var context = new OperationContext
            {
                Operation = route.Operation,
                Caller = Anonymous(query.TryGetValue("account_id", out var account) ? account.ToString() : ""),
                Request = request,
                Labels = labels,
                Query = query,
                Body = new JsonObject(),
                World = host.World,
                RequestId = requestId,
            };
            return await FaultPipeline.RunAsync(host, route, context, WireProtocol.RestJson, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError error)
        {
            host.Stats.Request(route?.Operation ?? EmulatorStats.UnknownOperation);
            return ErrorRenderer.Render(error, WireProtocol.RestJson, requestId);
        }
    }

    /// <summary>The caller of a bearer-token request: no key, only the account it asks about (for rate limits).</summary>
    private static SigningKey Anonymous(string accountId) => new(accountId, "", "", null, "", "");

    private (Route Route, IReadOnlyDictionary<string, string> Labels, Dictionary<string, StringValues> Form) FindRoute(
        string service, WireProtocol protocol, IncomingRequest request)
    {
        var noLabels = new Dictionary<string, string>();
        switch (protocol)
        {
            case WireProtocol.AwsQuery:
                var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(request.Body));
                var action = form.TryGetValue("Action", out var a) ? a.ToString() : "";
                return (routes.FindKeyed(service, action) ?? throw new AwsServiceError("InvalidAction", 400,
                    $"Could not find operation {action} for version {form.GetValueOrDefault("Version")}"), noLabels, form);
            case WireProtocol.AwsJson11:
                var target = request.Header("X-Amz-Target") ?? "";
                return (routes.FindKeyed(service, target) ?? throw new AwsServiceError("UnknownOperationException", 400,
                    $"Unknown operation {target}"), noLabels, []);
            default:
                var match = routes.FindRest(service, request.Method, request.PathSegments)
                            ?? throw Errors.UnknownOperation(request.Method, request.RawPath);
                return (match.Route, match.Labels, []);
        }
    }

    private static JsonObject ParseBody(byte[] body)
    {
        if (body.Length == 0) return new JsonObject();
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw Errors.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw Errors.Serialization($"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Before the credential scope is known, the content type says which error shape the client expects.</summary>
    private static WireProtocol GuessProtocol(IncomingRequest request)
    {
        var contentType = request.Header("Content-Type") ?? "";
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)) return WireProtocol.AwsQuery;
        if (contentType.StartsWith("application/x-amz-json", StringComparison.OrdinalIgnoreCase)) return WireProtocol.AwsJson11;
        return WireProtocol.RestJson;
    }

    private static async Task<IncomingRequest> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var question = rawTarget.IndexOf('?');
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? "" : rawTarget[(question + 1)..];
        return new IncomingRequest(http.Request.Method, rawPath, rawQuery, http.Request.Headers, buffer.ToArray());
    }

    public static async Task WriteAsync(HttpContext http, OperationResult result, string requestId)
    {
        if (result.AbortConnection)
        {
            http.Abort();
            return;
        }

        http.Response.StatusCode = result.StatusCode;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        foreach (var (name, value) in result.Headers) http.Response.Headers[name] = value;
        if (result.ContentType is not null) http.Response.ContentType = result.ContentType;
        if (result.Body.Length > 0) await http.Response.WriteAsync(result.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
