using CleanroomsStack.Aws.Observability;

namespace CleanroomsStack.Cli.Views;

/// <summary>The per-operation AWS call table printed at the end of a run.</summary>
internal static class CallSummaryView
{
    public static void Write(TextWriter output, IReadOnlyList<OperationCallTotals> calls)
    {
        if (calls.Count == 0) return;
        var width = Math.Max("operation".Length, calls.Max(c => c.Operation.Length));
        output.WriteLine($"AWS calls: {calls.Sum(c => c.Calls)} ({calls.Sum(c => c.Retries)} retries, {calls.Sum(c => c.Throttles)} throttled)");
        output.WriteLine($"  {"operation".PadRight(width)}  calls  retries  throttled  failed  waiting");
        foreach (var c in calls)
            output.WriteLine($"  {c.Operation.PadRight(width)}  {c.Calls,5}  {c.Retries,7}  {c.Throttles,9}  {c.Failures,6}  {c.TimeWaiting.TotalSeconds,6:0.0}s");
    }
}
