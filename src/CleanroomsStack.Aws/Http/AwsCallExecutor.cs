using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime.Signing;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Errors;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Http;

/// <summary>
/// Sends one logical call: waits for the operation's rate limiter, sends a freshly built request through the signing
/// handler (so every attempt is re-signed with a current timestamp), maps failures to <see cref="AwsApiException"/>,
/// and retries within the <see cref="BackoffPolicy"/> budget. Reports every attempt to the observer. Every attempt passes
/// the <see cref="CallGate"/>: once it is closed (the first Ctrl-C), a call waiting for the rate limiter or for its next
/// retry is never sent (<see cref="CallNotStartedException"/>), while attempts already sent finish.
/// </summary>
internal sealed class AwsCallExecutor(
    HttpMessageInvoker http,
    ServiceEndpoints endpoints,
    BackoffPolicy backoff,
    OperationRateLimiter rateLimiter,
    IAwsCallObserver observer,
    TimeProvider time,
    CallGate gate)
{
    private static readonly HttpRequestOptionsKey<string> SigningService = new(SigV4SigningHandler.ServiceOptionKey);

    /// <summary>The code of a failure to connect at all (DNS, refused, TLS): retried only briefly, reported with its fix.</summary>
    private const string UnreachableCode = Engine.Applying.FailureHints.EndpointUnreachable;

    /// <summary>Identifies our traffic in AWS CloudTrail and in the emulator's logs.</summary>
    private static readonly string UserAgent = $"cleanrooms-stack/{typeof(AwsCallExecutor).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    public async Task<WireResponse> SendAsync(WireRequest request, CancellationToken ct)
    {
        var operation = request.Operation;
        var callStarted = time.GetTimestamp();
        var backoffBefore = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var throttleWait = await UntilGateClosesAsync(stop => rateLimiter.AcquireAsync(operation.Name, stop), operation.Name, ct).ConfigureAwait(false);
            var sentAt = rateLimiter.Timestamp();
            AttemptOutcome outcome;
            using (gate.Enter(operation.Name)) outcome = await AttemptAsync(request, ct).ConfigureAwait(false);
            var error = outcome.Error;
            if (error?.Kind == AwsErrorKind.Throttled)
            {
                if (rateLimiter.OnThrottled(operation.Name, sentAt) is { } cut) observer.OnRateCut(operation.Service.SigningName(), cut);
            }
            else if (error is null) rateLimiter.OnSuccess(operation.Name);

            var nextDelay = error is not null && BackoffPolicy.IsRetryable(error, operation.Safety) ? backoff.DelayAfter(error, attempt + 1) : (TimeSpan?)null;
            var willRetry = nextDelay is { } delay && backoff.HasBudget(attempt, time.GetElapsedTime(callStarted), delay)
                && (error!.Code != UnreachableCode || time.GetElapsedTime(callStarted) + delay < backoff.Options.UnreachableTotalTime);
            Report(outcome, attempt, throttleWait, backoffBefore, willRetry);

            if (!willRetry)
            {
                observer.OnCallCompleted(new AwsCallRecord(
                    operation.Service.SigningName(), operation.Name, attempt, error is null, error?.Code, time.GetElapsedTime(callStarted)));
                return error is null ? outcome.Response! : throw error;
            }
            backoffBefore = nextDelay!.Value;
            await UntilGateClosesAsync(async stop =>
            {
                await Task.Delay(backoffBefore, time, stop).ConfigureAwait(false);
                return backoffBefore;
            }, operation.Name, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A wait before sending (the rate limiter's, a retry's backoff) that ends, refusing the call, when the gate closes.</summary>
    private async Task<TimeSpan> UntilGateClosesAsync(Func<CancellationToken, ValueTask<TimeSpan>> wait, string operation, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, gate.Closed);
        try
        {
            return await wait(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (gate.Closed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new CallNotStartedException(operation, gate.Closed);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(WireRequest request, CancellationToken ct)
    {
        using var message = BuildMessage(request);
        var started = time.GetTimestamp();
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attemptCts.CancelAfter(backoff.Options.AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(message, attemptCts.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var latency = time.GetElapsedTime(started);
            if (status is >= 200 and < 300)
            {
                var success = new WireResponse(status, body, AwsErrorReader.RequestId(response.Headers));
                return new AttemptOutcome(request, RedactedHeaders(message), latency, success, null, body);
            }
            return new AttemptOutcome(request, RedactedHeaders(message), latency, null, ReadError(request.Operation, status, response.Headers, body), body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Our per-attempt timeout fired: the request may have been processed.
            var timeout = Failure(request.Operation, "RequestTimeout", $"no response within {backoff.Options.AttemptTimeout.TotalSeconds:0.#}s", outcomeUnknown: true);
            return new AttemptOutcome(request, RedactedHeaders(message), time.GetElapsedTime(started), null, timeout, null);
        }
        catch (HttpRequestException e)
        {
            // A connection that never opened (refused, DNS, TLS handshake, proxy tunnel) never delivered the request;
            // a reset or truncated response might have come after the service acted on it.
            var notSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            var failure = notSent
                ? Failure(request.Operation, UnreachableCode, $"could not reach {DescribeEndpoint(request)} (region {endpoints.Region}): {e.Message}", outcomeUnknown: false)
                : Failure(request.Operation, "ConnectionFailure", $"{DescribeEndpoint(request)}: {e.Message}", outcomeUnknown: true);
            return new AttemptOutcome(request, RedactedHeaders(message), time.GetElapsedTime(started), null, failure, null);
        }
    }

    private HttpRequestMessage BuildMessage(WireRequest request)
    {
        var endpoint = endpoints.For(request.Operation.Service);
        var message = new HttpRequestMessage(request.Operation.Method, new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.PathAndQuery));
        message.Options.Set(SigningService, request.Operation.Service.SigningName());
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Target is not null) message.Headers.Add("X-Amz-Target", request.Target);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
        }
        return message;
    }

    private static AwsApiException ReadError(AwsOperation operation, int status, HttpResponseHeaders headers, byte[] body) =>
        operation.Service == AwsService.Sts
            ? AwsErrorReader.FromQueryXml(operation.Name, status, headers, body)
            : AwsErrorReader.FromJson(operation.Name, status, headers, body);

    private static AwsApiException Failure(AwsOperation operation, string code, string message, bool outcomeUnknown) =>
        new(AwsErrorKind.Transient, operation.Name, code, message, httpStatus: 0) { OutcomeUnknown = outcomeUnknown };

    private string DescribeEndpoint(WireRequest request) => endpoints.For(request.Operation.Service).GetLeftPart(UriPartial.Authority);

    private void Report(AttemptOutcome outcome, int attempt, TimeSpan throttleWait, TimeSpan backoffBefore, bool willRetry)
    {
        var wantsBodies = observer.WantsBodies;
        var request = outcome.Request;
        observer.OnAttempt(new AwsAttemptRecord(
            request.Operation.Service.SigningName(),
            request.Operation.Name,
            request.Operation.Method.Method,
            request.PathAndQuery,
            attempt,
            outcome.Response?.HttpStatus ?? (outcome.Error is { HttpStatus: > 0 } e ? e.HttpStatus : null),
            outcome.Error?.Code,
            outcome.Error?.Kind,
            outcome.Response?.RequestId ?? outcome.Error?.RequestId,
            outcome.Latency,
            throttleWait,
            backoffBefore,
            willRetry,
            outcome.RequestHeaders,
            wantsBodies && request.Body is not null ? Redaction.Body(Encoding.UTF8.GetString(request.Body)) : null,
            wantsBodies && outcome.ResponseBody is not null ? Redaction.Body(Encoding.UTF8.GetString(outcome.ResponseBody)) : null));
    }

    private static IReadOnlyList<KeyValuePair<string, string>> RedactedHeaders(HttpRequestMessage message)
    {
        var headers = message.Headers.AsEnumerable();
        if (message.Content is not null) headers = headers.Concat(message.Content.Headers);
        return headers
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => new KeyValuePair<string, string>(h.Key, Redaction.Header(h.Key, string.Join(",", h.Value))))
            .ToList();
    }

    private sealed record AttemptOutcome(
        WireRequest Request, IReadOnlyList<KeyValuePair<string, string>> RequestHeaders, TimeSpan Latency, WireResponse? Response, AwsApiException? Error, byte[]? ResponseBody);
}
