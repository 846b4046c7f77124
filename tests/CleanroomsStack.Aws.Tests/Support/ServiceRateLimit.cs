namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>The service's own token bucket, as AWS applies per operation: it starts full.</summary>
internal sealed class ServiceRateLimit(double requestsPerSecond, double burst, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = double.PositiveInfinity;
    private DateTimeOffset _last = clock.GetUtcNow();

    public bool TryAccept()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            // Starts full: the first refill clamps the initial infinity to the burst.
            _tokens = Math.Min(burst, _tokens + (now - _last).TotalSeconds * requestsPerSecond);
            _last = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
