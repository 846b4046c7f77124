using CleanroomsStack.Aws.Observability;

namespace CleanroomsStack.Cli.Views;

/// <summary>
/// The per-operation AWS call table printed at the end of a run. When the client paced itself, a column gives each
/// operation's rate in requests/s: given (<c>--max-rps</c>), learned from throttling ("~20.1") or, never throttled,
/// the rate it reached (">=6.2").
/// </summary>
internal static class CallSummaryView
{
    public static void Write(TextWriter output, IReadOnlyList<OperationCallTotals> calls)
    {
        if (calls.Count == 0) return;
        var width = Math.Max("operation".Length, calls.Max(c => c.Operation.Length));
        var paced = calls.Any(c => c.Rate is not null);
        output.WriteLine($"AWS calls: {calls.Sum(c => c.Calls)} ({calls.Sum(c => c.Retries)} retries, {calls.Sum(c => c.Throttles)} throttled)");
        output.WriteLine($"  {"operation".PadRight(width)}  calls  retries  throttled  failed  waiting{(paced ? "   rate/s" : "")}");
        foreach (var c in calls)
        {
            var rate = paced ? $"  {(c.Rate is { } r ? RateText.Of(r) : "-"),7}" : "";
            output.WriteLine($"  {c.Operation.PadRight(width)}  {c.Calls,5}  {c.Retries,7}  {c.Throttles,9}  {c.Failures,6}  {c.TimeWaiting.TotalSeconds,6:0.0}s{rate}");
        }
    }
}
