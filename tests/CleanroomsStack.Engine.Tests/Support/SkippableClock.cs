namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>
/// The emulator's clock in engine tests: real time, so runs meet its read-after-write lag as they would meet AWS's,
/// plus whatever a test skipped. A test that only waits for the lag to end skips it instead of sleeping through it.
/// Timers and timestamps stay real: only the emulator's idea of "now" (resource times, lag, throttling) moves on.
/// </summary>
public sealed class SkippableClock : TimeProvider
{
    private long _skippedTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    /// <summary>Moves the clock on at once, as if <paramref name="time"/> had passed.</summary>
    public void Skip(TimeSpan time) => Interlocked.Add(ref _skippedTicks, time.Ticks);
}
