using System.Globalization;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>
/// The words of progress, shared by the live view on a terminal and the plain lines of a CI log so both say the same.
/// Names come from AWS and files: the displays escape what they print.
/// </summary>
internal static class ProgressText
{
    /// <summary>How many still-running changes a status names before it only counts the rest.</summary>
    public const int NamedAtMost = 5;

    /// <summary>e.g. "Applying: 12/52 done · 8 in progress · 0 failed · 57 AWS calls, 3 in flight, 0 throttled · 14s elapsed".</summary>
    public static string Headline(ProgressSnapshot s)
    {
        var calls = $"{s.Calls.Calls} AWS call{Plural(s.Calls.Calls)}, {s.Calls.InFlight} in flight, {s.Calls.Throttles} throttled";
        var elapsed = $"{Duration(s.Elapsed)} elapsed";
        if (s.Phase == ProgressPhase.Reading)
        {
            var read = s.MembershipsToRead is { } total ? $"{s.MembershipsRead}/{total} memberships read" : "listing the account";
            return $"Reading live state: {read} · {calls} · {elapsed}";
        }
        return $"Applying: {s.Done}/{s.Total} done · {s.Running} in progress · {s.Failed} failed · {calls} · {elapsed}";
    }

    /// <summary>Terraform's "Still creating… [10s elapsed]", for one change.</summary>
    public static string Still(RunningChange change) => $"still {change.Verb} {change.Name} [{Duration(change.Elapsed)} elapsed]";

    /// <summary>The still-running lines of a snapshot: the longest first, at most <see cref="NamedAtMost"/>, then how many more.</summary>
    public static IEnumerable<string> StillRunning(ProgressSnapshot s)
    {
        foreach (var change in s.LongRunning.Take(NamedAtMost)) yield return Still(change);
        if (s.LongRunning.Count > NamedAtMost) yield return $"… and {s.LongRunning.Count - NamedAtMost} more running for over {Duration(RunProgress.LongRunning)}";
    }

    /// <summary>What the first Ctrl-C does, said at once.</summary>
    public static string Stopping(int callsInFlight) => callsInFlight == 0
        ? "stopping: no call is in flight and none will start; press Ctrl-C again to quit at once"
        : $"stopping: {callsInFlight} call{Plural(callsInFlight)} in flight will finish and no other will start; press Ctrl-C again to abandon {(callsInFlight == 1 ? "it" : "them")}";

    /// <summary>"9s", "1m04s", "1h02m".</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalSeconds}s");

    private static string Plural(int n) => n == 1 ? "" : "s";
}
