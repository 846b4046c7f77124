namespace CleanroomsStack.Aws.Http;

/// <summary>
/// A token bucket for one operation whose rate adapts to the service: halved (down to a floor) on every throttle,
/// raised by a small step after each success until it is back at the configured rate. Waiters reserve tokens in
/// arrival order (the balance may go negative), so concurrent callers are spaced evenly rather than stampeding.
/// </summary>
internal sealed class AdaptiveTokenBucket
{
    private const double ThrottleFactor = 0.5;
    private const double RecoveryStepFraction = 0.05;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _maxRate;
    private readonly double _minRate;
    private readonly double _capacity;
    private double _rate;
    private double _tokens;
    private long _lastRefill;

    public AdaptiveTokenBucket(double requestsPerSecond, int burst, TimeProvider time)
    {
        if (!(requestsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The request rate must be positive.");
        _time = time;
        _maxRate = requestsPerSecond;
        _minRate = Math.Min(requestsPerSecond, Math.Max(0.2, requestsPerSecond / 10));
        _capacity = Math.Max(1, burst);
        _rate = requestsPerSecond;
        _tokens = _capacity;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>The current (possibly reduced) rate in requests per second.</summary>
    public double CurrentRate
    {
        get { lock (_gate) return _rate; }
    }

    /// <summary>Takes one token, waiting if none is left; returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        return wait;
    }

    /// <summary>The service said "slow down": halve the rate and drop any saved-up burst.</summary>
    public void OnThrottled()
    {
        lock (_gate)
        {
            Refill();
            _rate = Math.Max(_minRate, _rate * ThrottleFactor);
            _tokens = Math.Min(_tokens, 0);
        }
    }

    /// <summary>A request went through: creep back towards the configured rate.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (_rate >= _maxRate) return;
            Refill();
            _rate = Math.Min(_maxRate, _rate + _maxRate * RecoveryStepFraction);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed * _rate);
    }
}
