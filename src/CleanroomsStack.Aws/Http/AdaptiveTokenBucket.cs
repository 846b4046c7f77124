namespace CleanroomsStack.Aws.Http;

/// <summary>
/// A token bucket for one operation, paced at the rate its <see cref="IRateControl"/> sets: a known quota
/// (<see cref="KnownQuotaRate"/>) or one being discovered (<see cref="CubicRateDiscovery"/>). Waiters reserve tokens in
/// arrival order (the balance may go negative), so concurrent callers are spaced evenly. A cut cancels the
/// reservations made at the old rate: each waiter queues again when its turn comes, so a deep queue (the applier keeps
/// up to a second of requests waiting) slows down at once instead of sending on at the old pace into more throttling,
/// which would cut the rate again and again down to its floor. A throttle also drops any saved-up burst.
/// </summary>
internal sealed class AdaptiveTokenBucket
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly IRateControl _control;
    private readonly double _capacity;
    private double _tokens;
    private long _lastRefill;
    private int _cuts;
    private long _reservations;

    /// <summary>A bucket for a known quota of <paramref name="requestsPerSecond"/> (never exceeded).</summary>
    public AdaptiveTokenBucket(double requestsPerSecond, int burst, TimeProvider time)
        : this(new KnownQuotaRate(PositiveRate(requestsPerSecond)), burst, time)
    {
    }

    public AdaptiveTokenBucket(IRateControl control, int burst, TimeProvider time)
    {
        _time = time;
        _control = control;
        _capacity = Math.Max(1, burst);
        _tokens = _capacity;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>The current (possibly reduced) rate in requests per second.</summary>
    public double CurrentRate
    {
        get { lock (_gate) return _control.Rate; }
    }

    /// <summary>What the bucket's rate control knows or learned of the operation's rate.</summary>
    public OperationRate Learned(string operation)
    {
        lock (_gate) return _control.Learned(operation);
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
            return (_tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _control.Rate), _cuts);
        }
    }

    /// <summary>
    /// The service said "slow down" to a request sent at <paramref name="sentAt"/> (a timestamp of the same TimeProvider):
    /// drop any saved-up burst and let the rate control cut the rate, unless the request left before the last cut.
    /// Returns whether the rate was cut.
    /// </summary>
    public bool OnThrottled(long sentAt)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
            if (!_control.OnThrottled(sentAt, _time.GetTimestamp())) return false;
            // Waiters re-reserve at the new rate (see AcquireAsync), so their old reservations no longer count.
            _tokens = 0;
            _cuts++;
            return true;
        }
    }

    /// <summary>A request went through: the rate control may raise the rate.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            Refill(); // tokens earned so far at the old rate
            _control.OnSuccess(_time.GetTimestamp());
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed * _control.Rate);
    }

    private static double PositiveRate(double requestsPerSecond) => requestsPerSecond > 0
        ? requestsPerSecond
        : throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The request rate must be positive.");
}
