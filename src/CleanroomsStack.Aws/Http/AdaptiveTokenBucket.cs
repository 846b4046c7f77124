namespace CleanroomsStack.Aws.Http;

/// <summary>
/// A token bucket for one operation whose rate adapts to the service (additive increase, multiplicative decrease):
/// halved (down to a floor) when throttled, raised by a small step after each success until it is back at the
/// configured rate. The step is small on purpose: each probe above the service's real limit costs one throttled
/// request, and a step of 0.5% of the configured rate keeps that to roughly one request in 40 against a service that
/// allows less than we asked for. Requests that were already in flight when the rate was cut don't cut it again
/// (one decrease per round of requests, as in TCP congestion control), so a burst of 429s doesn't collapse the rate.
/// Waiters reserve tokens in arrival order (the balance may go negative), so concurrent callers are spaced evenly.
/// A cut cancels the reservations made at the old rate: each waiter queues again when its turn comes, so a deep queue
/// (the applier keeps up to a second of requests waiting) slows down at once instead of sending on at the old pace
/// into more throttling, which would cut the rate again and again down to its floor.
/// </summary>
internal sealed class AdaptiveTokenBucket
{
    private const double ThrottleFactor = 0.5;
    private const double RecoveryStepFraction = 0.005;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _maxRate;
    private readonly double _minRate;
    private readonly double _capacity;
    private double _rate;
    private double _tokens;
    private long _lastRefill;
    private long? _lastDecrease;
    private int _cuts;
    private long _reservations;

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
        var waited = TimeSpan.Zero;
        while (true)
        {
            var (wait, cuts) = ReserveCounting();
            if (wait <= TimeSpan.Zero) return waited;
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            waited += wait;
            // Unless the rate was cut meanwhile: then this turn was reserved at the old rate, so queue again.
            lock (_gate)
            {
                if (_cuts == cuts) return waited;
            }
        }
    }

    /// <summary>Reserves the next token and returns how long to wait before using it (zero if one is available).</summary>
    internal TimeSpan Reserve() => ReserveCounting().Wait;

    /// <summary>
    /// How many turns have been reserved so far, re-queued ones included. Under a fake clock, waiters wake on other
    /// threads; tests wait for this count to know a woken waiter has queued again before they move time on.
    /// </summary>
    internal long Reservations => Interlocked.Read(ref _reservations);

    private (TimeSpan Wait, int Cuts) ReserveCounting()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            _reservations++;
            return (_tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate), _cuts);
        }
    }

    /// <summary>
    /// The service said "slow down" to a request sent at <paramref name="sentAt"/> (a timestamp of the same TimeProvider):
    /// drop any saved-up burst and halve the rate, unless the request left before the last cut.
    /// </summary>
    public void OnThrottled(long sentAt)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
            if (_lastDecrease is { } last && sentAt <= last) return;
            _lastDecrease = _time.GetTimestamp();
            _rate = Math.Max(_minRate, _rate * ThrottleFactor);
            // Waiters re-reserve at the new rate (see AcquireAsync), so their old reservations no longer count.
            _tokens = 0;
            _cuts++;
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
