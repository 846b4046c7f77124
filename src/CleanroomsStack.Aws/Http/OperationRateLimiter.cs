using System.Collections.Concurrent;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Http;

/// <summary>One adaptive token bucket per operation, since AWS Clean Rooms meters each operation separately.</summary>
internal sealed class OperationRateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AdaptiveTokenBucket?> _buckets = new(StringComparer.Ordinal);

    public ValueTask<TimeSpan> AcquireAsync(string operation, CancellationToken ct) =>
        BucketFor(operation) is { } bucket ? bucket.AcquireAsync(ct) : ValueTask.FromResult(TimeSpan.Zero);

    /// <summary>A timestamp to stamp a request with when it is sent (see <see cref="OnThrottled"/>).</summary>
    public long Timestamp() => time.GetTimestamp();

    public void OnThrottled(string operation, long sentAt) => BucketFor(operation)?.OnThrottled(sentAt);

    public void OnSuccess(string operation) => BucketFor(operation)?.OnSuccess();

    /// <summary>The current rate of an operation, or null when it isn't limited.</summary>
    public double? CurrentRate(string operation) => BucketFor(operation)?.CurrentRate;

    private AdaptiveTokenBucket? BucketFor(string operation) =>
        _buckets.GetOrAdd(operation, op =>
        {
            var rate = options.RateFor(op);
            return double.IsPositiveInfinity(rate) ? null : new AdaptiveTokenBucket(rate, options.Burst, time);
        });
}
