using System.Globalization;

namespace CleanroomsStack.Aws.Observability;

/// <summary>How much the call log says: nothing, one line per attempt, or that plus headers and bodies.</summary>
public enum AwsLogLevel
{
    Quiet,
    Verbose,
    Debug,
}

/// <summary>
/// Formats --verbose/--debug lines for every attempt and hands them to a sink the CLI provides (stderr, a file).
/// Headers and bodies arrive already redacted, so no credential can reach the sink.
/// </summary>
public sealed class AwsCallLog(AwsLogLevel level, Action<string> sink) : IAwsCallObserver
{
    public bool WantsBodies => level == AwsLogLevel.Debug;

    public void OnAttempt(AwsAttemptRecord attempt)
    {
        if (level == AwsLogLevel.Quiet) return;
        sink(SummaryLine(attempt));
        if (level != AwsLogLevel.Debug) return;
        sink($"  > {attempt.Method} {attempt.PathAndQuery}");
        foreach (var (name, value) in attempt.RequestHeaders) sink($"  > {name}: {value}");
        if (attempt.RequestBody is { Length: > 0 } requestBody) sink($"  > {requestBody}");
        if (attempt.ResponseBody is { Length: > 0 } responseBody) sink($"  < {responseBody}");
    }

    public void OnRateCut(string service, Http.OperationRate rate)
    {
        if (level != AwsLogLevel.Quiet) sink(RateLine(service, rate));
    }

    /// <summary>What a throttle taught the client: e.g. "the service allows about 20.1/s, pacing at 14.1/s".</summary>
    public static string RateLine(string service, Http.OperationRate rate)
    {
        var learned = rate.Basis == Http.RateBasis.Given
            ? $"quota {RateText.Number(rate.Rate)}/s (--max-rps)"
            : $"the service allows about {RateText.Number(rate.Rate)}/s";
        return $"aws {service}.{rate.Operation} rate: throttled; {learned}, pacing at {RateText.Number(rate.Pace)}/s and climbing back";
    }

    public static string SummaryLine(AwsAttemptRecord a)
    {
        var status = a.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "no response";
        var error = a.ErrorCode is null ? "" : $" {a.ErrorCode}";
        var waits = a.ThrottleWait > TimeSpan.Zero || a.BackoffBefore > TimeSpan.Zero
            ? $", waited {Ms(a.ThrottleWait)} rate limit + {Ms(a.BackoffBefore)} backoff"
            : "";
        var retry = a.WillRetry ? ", will retry" : "";
        var requestId = a.RequestId is null ? "" : $" [request {a.RequestId}]";
        return $"aws {a.Service}.{a.Operation} attempt {a.Attempt}: {status}{error} in {Ms(a.Latency)}{waits}{retry}{requestId}";
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
}

/// <summary>Fans telemetry out to several observers (e.g. the summary and the log).</summary>
public sealed class CompositeCallObserver(params IAwsCallObserver[] observers) : IAwsCallObserver
{
    public bool WantsBodies => observers.Any(o => o.WantsBodies);

    public void OnAttempt(AwsAttemptRecord attempt)
    {
        foreach (var observer in observers) observer.OnAttempt(attempt);
    }

    public void OnCallCompleted(AwsCallRecord call)
    {
        foreach (var observer in observers) observer.OnCallCompleted(call);
    }

    public void OnRateCut(string service, Http.OperationRate rate)
    {
        foreach (var observer in observers) observer.OnRateCut(service, rate);
    }
}
