using System.Globalization;

namespace CleanroomsStack.Aws.Observability;

/// <summary>Renders the per-operation call summary as a fixed-width text table (deterministic: sorted, no timestamps).</summary>
public static class CallSummaryTable
{
    private static readonly string[] Header = ["operation", "calls", "retries", "throttled", "failed", "waited"];

    public static IReadOnlyList<string> Render(IReadOnlyList<OperationCallTotals> totals)
    {
        var rows = totals
            .Select(t => new[]
            {
                $"{t.Service}.{t.Operation}",
                Number(t.Calls), Number(t.Retries), Number(t.Throttles), Number(t.Failures),
                t.TimeWaiting.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
            })
            .ToList();
        if (rows.Count == 0) return ["No AWS calls were made."];
        rows.Add(
        [
            "total",
            Number(totals.Sum(t => t.Calls)), Number(totals.Sum(t => t.Retries)), Number(totals.Sum(t => t.Throttles)),
            Number(totals.Sum(t => t.Failures)),
            totals.Sum(t => t.TimeWaiting.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        ]);
        var all = rows.Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        return all.Select(row => string.Join("  ", row.Select((cell, column) =>
            column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd()).ToList();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
