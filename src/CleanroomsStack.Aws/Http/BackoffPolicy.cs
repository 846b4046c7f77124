using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Http;

/// <summary>
/// When to retry and how long to wait: exponential backoff with full jitter (a uniform delay between zero and
/// base·2^(attempt-1), capped), within a bounded number of attempts and total time.
/// </summary>
internal sealed class BackoffPolicy(RetryOptions options, Func<double> random)
{
    public RetryOptions Options { get; } = options;

    /// <summary>
    /// Throttling and transient failures are retried; other client errors never are. A request whose outcome is
    /// unknown is repeated only if repeating it is harmless; otherwise the caller must re-read to learn what happened.
    /// </summary>
    public static bool IsRetryable(AwsApiException error, RepeatSafety safety) => error.Kind switch
    {
        AwsErrorKind.Throttled => true,
        AwsErrorKind.Transient => !error.OutcomeUnknown || safety == RepeatSafety.SafeToRepeat,
        _ => false,
    };

    /// <summary>
    /// The delay before retrying after <paramref name="error"/>: the jittered backoff, but never shorter than the
    /// IAM propagation delay when the service said IAM hasn't caught up yet.
    /// </summary>
    public TimeSpan DelayAfter(AwsApiException error, int nextAttempt)
    {
        var delay = DelayBefore(nextAttempt);
        return error.Reason == Errors.AwsErrorTaxonomy.IamSynchronizationDelay && delay < Options.IamPropagationDelay
            ? Options.IamPropagationDelay
            : delay;
    }

    /// <summary>The delay before attempt number <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var exponent = Math.Min(nextAttempt - 2, 30);
        var ceiling = Math.Min(Options.MaxDelay.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(random() * ceiling);
    }

    /// <summary>Whether another attempt fits in the attempt and time budget.</summary>
    public bool HasBudget(int attemptsMade, TimeSpan elapsed, TimeSpan nextDelay) =>
        attemptsMade < Options.MaxAttempts && elapsed + nextDelay < Options.MaxTotalTime;
}
