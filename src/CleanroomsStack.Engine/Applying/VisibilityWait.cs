namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Tells the progress view that a change is waiting for AWS's reads to show what was just written: once per change,
/// and only after <see cref="ReportAfter"/>, since a wait of a second or two is routine (AWS's reads lag behind writes)
/// and a line for each would drown the output. Carried on the change's async flow, like <see cref="Audit.AwsCallTrail"/>.
/// </summary>
internal static class VisibilityWait
{
    public static readonly TimeSpan ReportAfter = TimeSpan.FromSeconds(5);

    private static readonly AsyncLocal<Reporter?> Current = new();

    /// <summary>Starts reporting for the change whose execution follows on this async flow.</summary>
    public static void Begin(Action<string> report) => Current.Value = new Reporter(report);

    /// <summary>Says once that the current change is still waiting for <paramref name="what"/> after <paramref name="waited"/>.</summary>
    public static void Waiting(string what, TimeSpan waited)
    {
        if (waited >= ReportAfter) Current.Value?.Once($"waiting for {what} to show in AWS's reads ({waited.TotalSeconds:0} s so far)");
    }

    private sealed class Reporter(Action<string> report)
    {
        private int reported;

        public void Once(string message)
        {
            if (Interlocked.Exchange(ref reported, 1) == 0) report(message);
        }
    }
}
