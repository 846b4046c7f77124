using System.Collections.Concurrent;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Observability;

/// <summary>Totals for one operation over a run.</summary>
/// <param name="Calls">Logical calls (each may take several attempts).</param>
/// <param name="Retries">Attempts beyond the first.</param>
/// <param name="Throttles">Attempts the service answered with a throttling error.</param>
/// <param name="Failures">Calls that failed after their last attempt.</param>
/// <param name="TimeWaiting">Time spent in the client-side rate limiter and in retry backoff.</param>
/// <param name="Rate">The operation's rate as the client knew or learned it, when it was paced.</param>
public sealed record OperationCallTotals(string Service, string Operation, int Calls, int Retries, int Throttles, int Failures, TimeSpan TimeWaiting,
    Http.OperationRate? Rate = null);

/// <summary>
/// Collects a per-operation call summary (calls, retries, throttles, time waiting) for the end of a run. Thread-safe;
/// writes nowhere itself: the CLI decides how to print <see cref="Snapshot"/>.
/// </summary>
public sealed class AwsCallSummary : IAwsCallObserver
{
    private readonly ConcurrentDictionary<(string Service, string Operation), Counters> _byOperation = new();

    public void OnAttempt(AwsAttemptRecord attempt)
    {
        var counters = _byOperation.GetOrAdd((attempt.Service, attempt.Operation), _ => new Counters());
        lock (counters)
        {
            if (attempt.Attempt > 1) counters.Retries++;
            if (attempt.ErrorKind == AwsErrorKind.Throttled) counters.Throttles++;
            counters.TimeWaiting += attempt.ThrottleWait + attempt.BackoffBefore;
        }
    }

    public void OnCallCompleted(AwsCallRecord call)
    {
        var counters = _byOperation.GetOrAdd((call.Service, call.Operation), _ => new Counters());
        lock (counters)
        {
            counters.Calls++;
            if (!call.Succeeded) counters.Failures++;
        }
    }

    /// <summary>Totals per operation, sorted by service then operation name, each with its rate from <paramref name="rates"/> if there.</summary>
    public IReadOnlyList<OperationCallTotals> Snapshot(IReadOnlyList<Http.OperationRate>? rates = null)
    {
        var byName = (rates ?? []).ToDictionary(r => r.Operation, StringComparer.Ordinal);
        return Snapshot().Select(t => byName.TryGetValue(t.Operation, out var rate) ? t with { Rate = rate } : t).ToList();
    }

    /// <summary>Totals per operation, sorted by service then operation name.</summary>
    public IReadOnlyList<OperationCallTotals> Snapshot() =>
        _byOperation
            .OrderBy(e => e.Key.Service, StringComparer.Ordinal).ThenBy(e => e.Key.Operation, StringComparer.Ordinal)
            .Select(e =>
            {
                lock (e.Value) return new OperationCallTotals(e.Key.Service, e.Key.Operation, e.Value.Calls, e.Value.Retries, e.Value.Throttles, e.Value.Failures, e.Value.TimeWaiting);
            })
            .ToList();

    private sealed class Counters
    {
        public int Calls;
        public int Retries;
        public int Throttles;
        public int Failures;
        public TimeSpan TimeWaiting;
    }
}
