namespace CleanroomsStack.Aws.Http;

/// <summary>
/// Successful responses per whole second over the last minute, so a throttle can ask how many requests the service
/// let through since a given moment: a token bucket's refill rate, when its bucket was empty at both ends.
/// </summary>
internal sealed class SuccessWindow(TimeProvider time, long origin)
{
    public const int Seconds = 60;

    private readonly int[] _counts = new int[Seconds];
    private long _latest;

    public void Add(long now)
    {
        var second = SecondOf(now);
        MoveTo(second);
        _counts[second % Seconds]++;
    }

    /// <summary>Successes per second since <paramref name="from"/> (at most the last minute, at least a second).</summary>
    public double RateSince(long from, long now)
    {
        var current = SecondOf(now);
        MoveTo(current);
        var first = Math.Max(0, Math.Max(SecondOf(from), current - Seconds + 1));
        var successes = 0;
        for (var second = first; second <= current; second++) successes += _counts[second % Seconds];
        return successes / Math.Max(1, time.GetElapsedTime(Start(first), now).TotalSeconds);
    }

    private long SecondOf(long timestamp) => (long)Math.Floor(time.GetElapsedTime(origin, timestamp).TotalSeconds);

    private long Start(long second) => origin + second * time.TimestampFrequency;

    /// <summary>Seconds that passed since the latest count start empty.</summary>
    private void MoveTo(long second)
    {
        for (var s = Math.Max(_latest + 1, second - Seconds + 1); s <= second; s++) _counts[s % Seconds] = 0;
        _latest = Math.Max(_latest, second);
    }
}
