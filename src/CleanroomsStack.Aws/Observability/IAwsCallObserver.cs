using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Observability;

/// <summary>
/// Receives telemetry for every AWS call: one <see cref="OnAttempt"/> per HTTP attempt and one
/// <see cref="OnCallCompleted"/> per logical call (after its last attempt). Implementations must be thread-safe:
/// calls run in parallel. Nothing here ever carries credentials: headers and bodies are redacted before they arrive.
/// </summary>
public interface IAwsCallObserver
{
    /// <summary>When true, attempts carry (redacted) request and response bodies, for --debug.</summary>
    bool WantsBodies => false;

    void OnAttempt(AwsAttemptRecord attempt) { }

    void OnCallCompleted(AwsCallRecord call) { }

    /// <summary>A throttle cut an operation's rate: what the client now knows of it (<see cref="Http.OperationRate"/>).</summary>
    void OnRateCut(string service, Http.OperationRate rate) { }
}

/// <summary>One HTTP attempt of a call.</summary>
/// <param name="HttpStatus">Null when no response arrived (connection failure, timeout).</param>
/// <param name="ThrottleWait">Time spent waiting for the client-side rate limiter before this attempt.</param>
/// <param name="BackoffBefore">Retry backoff slept before this attempt (zero for the first).</param>
/// <param name="RequestHeaders">Signed request headers with Authorization and the security token redacted.</param>
public sealed record AwsAttemptRecord(
    string Service,
    string Operation,
    string Method,
    string PathAndQuery,
    int Attempt,
    int? HttpStatus,
    string? ErrorCode,
    AwsErrorKind? ErrorKind,
    string? RequestId,
    TimeSpan Latency,
    TimeSpan ThrottleWait,
    TimeSpan BackoffBefore,
    bool WillRetry,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody = null,
    string? ResponseBody = null);

/// <summary>A finished logical call (all attempts).</summary>
public sealed record AwsCallRecord(
    string Service,
    string Operation,
    int Attempts,
    bool Succeeded,
    string? ErrorCode,
    TimeSpan Elapsed);
