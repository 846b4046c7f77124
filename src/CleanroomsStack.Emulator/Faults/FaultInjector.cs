namespace CleanroomsStack.Emulator.Faults;

/// <summary>What to do to one request before and after it is handled.</summary>
public sealed record FaultDecision(int LatencyMs, bool Drop, bool Throttle, bool Error, bool LoseResponse)
{
    public static readonly FaultDecision None = new(0, false, false, false, false);
}

/// <summary>
/// Decides faults per request from the current settings: seeded randomness (same seed, same sequence of
/// requests → same faults) and a token bucket per (account, operation).
/// </summary>
public sealed class FaultInjector(FaultSettings settings, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Operation), TokenBucket> _buckets = [];
    private Random _random = new(settings.Seed);

    public FaultSettings Settings { get; private set; } = settings;

    /// <summary>Replaces the settings; buckets and the random sequence start afresh.</summary>
    public void Apply(FaultSettings next)
    {
        lock (_gate)
        {
            Settings = next;
            _random = new Random(next.Seed);
            _buckets.Clear();
        }
    }

    public FaultDecision Decide(string account, string operation)
    {
        lock (_gate)
        {
            var faults = Settings.For(operation);
            var drop = Roll(faults.DropConnectionRate);
            var throttle = !drop && IsThrottled(account, operation, faults);
            var error = !drop && !throttle && Roll(faults.ErrorRate);
            var lose = !drop && !throttle && !error && Roll(faults.LostResponseRate);
            return new FaultDecision(faults.LatencyMs ?? 0, drop, throttle, error, lose);
        }
    }

    private bool IsThrottled(string account, string operation, OperationFaults faults)
    {
        if (faults.RateLimit is not > 0) return false;
        var now = clock.GetUtcNow();
        var key = (account, operation);
        if (!_buckets.TryGetValue(key, out var bucket) || bucket.Rate != faults.RateLimit || bucket.Burst != faults.Burst)
        {
            bucket = new TokenBucket(faults.RateLimit.Value, faults.Burst, now);
            _buckets[key] = bucket;
        }

        return !bucket.TryTake(now);
    }

    // Draw only when the rate is set, so enabling one fault kind doesn't shift another's sequence.
    private bool Roll(double? rate) => rate is > 0 && (rate >= 1 || _random.NextDouble() < rate);
}
