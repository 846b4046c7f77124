using System.Collections.Concurrent;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Http;

/// <summary>
/// One adaptive token bucket per operation, since AWS Clean Rooms meters each operation separately. Public so the
/// caller that made it can ask what it learned (<see cref="Snapshot"/>) and how fast it currently goes
/// (<see cref="FastestRate"/>); pass it to <see cref="CleanRoomsClientFactory"/> to share it with a client.
/// </summary>
public sealed class OperationRateLimiter
{
    private readonly ConcurrentDictionary<string, AdaptiveTokenBucket?> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;

    public OperationRateLimiter(RateLimitOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether the rates are discovered (not known quotas).</summary>
    public bool Discovers => _options.Discover;

    /// <summary>
    /// The rate of the fastest operation right now (before any call: the highest starting rate), or infinity when
    /// nothing is limited: how much work to keep in flight so no operation's budget idles.
    /// </summary>
    public double FastestRate
    {
        get
        {
            var rates = _buckets.Values.OfType<AdaptiveTokenBucket>().Select(b => b.CurrentRate).ToList();
            if (rates.Count > 0) return rates.Max();
            var starts = (_options.PerOperation?.Values ?? []).Append(_options.RequestsPerSecond);
            if (_options.Discover) starts = starts.Concat(_options.Remembered?.Values.Select(r => r.RequestsPerSecond) ?? []);
            return Math.Min(starts.Max(), _options.Discover ? RateLimitOptions.MaxRequestsPerSecond : double.PositiveInfinity);
        }
    }

    /// <summary>What is known or was learned of every limited operation used so far, by operation name.</summary>
    public IReadOnlyList<OperationRate> Snapshot() =>
        _buckets.Where(b => b.Value is not null).Select(b => b.Value!.Learned(b.Key)).OrderBy(r => r.Operation, StringComparer.Ordinal).ToList();

    internal ValueTask<TimeSpan> AcquireAsync(string operation, CancellationToken ct) =>
        BucketFor(operation) is { } bucket ? bucket.AcquireAsync(ct) : ValueTask.FromResult(TimeSpan.Zero);

    /// <summary>A timestamp to stamp a request with when it is sent (see <see cref="OnThrottled"/>).</summary>
    internal long Timestamp() => _time.GetTimestamp();

    /// <summary>The operation was throttled; returns what it learned when that cut the rate, else null.</summary>
    internal OperationRate? OnThrottled(string operation, long sentAt) =>
        BucketFor(operation) is { } bucket && bucket.OnThrottled(sentAt) ? bucket.Learned(operation) : null;

    internal void OnSuccess(string operation) => BucketFor(operation)?.OnSuccess();

    /// <summary>The current rate of an operation, or null when it isn't limited.</summary>
    internal double? CurrentRate(string operation) => BucketFor(operation)?.CurrentRate;

    private AdaptiveTokenBucket? BucketFor(string operation) => _buckets.GetOrAdd(operation, Create);

    private AdaptiveTokenBucket? Create(string operation)
    {
        var rate = _options.RateFor(operation);
        if (double.IsPositiveInfinity(rate)) return null;
        if (!_options.Discover) return new AdaptiveTokenBucket(rate, _options.Burst, _time);
        var floor = Math.Max(0.2, rate / 10);
        var remembered = _options.Remembered?.GetValueOrDefault(operation);
        // An earlier run's lower bound only raises the start; its estimate replaces it (quotas go down as well as up).
        var (start, isEstimate) = remembered switch
        {
            { IsEstimate: true } r => (r.RequestsPerSecond, true),
            { } r => (Math.Max(rate, r.RequestsPerSecond), false),
            null => (rate, false),
        };
        var control = new CubicRateDiscovery(start, floor, RateLimitOptions.MaxRequestsPerSecond, isEstimate, _time);
        return new AdaptiveTokenBucket(control, _options.Burst, _time);
    }
}
