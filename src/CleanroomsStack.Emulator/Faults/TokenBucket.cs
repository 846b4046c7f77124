namespace CleanroomsStack.Emulator.Faults;

/// <summary>A token bucket: <c>rate</c> tokens a second up to <c>burst</c>; a request without a token is throttled.</summary>
public sealed class TokenBucket(double rate, double burst, DateTimeOffset now)
{
    private double _tokens = burst;
    private DateTimeOffset _last = now;

    public double Rate { get; } = rate;
    public double Burst { get; } = burst;

    public bool TryTake(DateTimeOffset now)
    {
        var elapsed = Math.Max(0, (now - _last).TotalSeconds);
        _tokens = Math.Min(Burst, _tokens + elapsed * Rate);
        _last = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
