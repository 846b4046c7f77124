namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>A clock that moves only when told, starting at the real time so signatures stay within the skew window.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
