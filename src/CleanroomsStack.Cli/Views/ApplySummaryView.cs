using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views;

/// <summary>The end-of-run summary: every failure and skip with its reason, counts, duration and the AWS calls made.</summary>
internal static class ApplySummaryView
{
    public static void Write(TextWriter output, ApplyResult result, IReadOnlyList<OperationCallTotals> calls, ChangeNames names)
    {
        output.WriteLine();
        var failed = result.Outcomes.Where(o => o.Status == OutcomeStatus.Failed).ToList();
        foreach (var f in failed)
        {
            output.WriteLine($"Failed: {names.Of(f.Change.Address)}: {f.Message}");
            if (f.Hint is not null) output.WriteLine($"  hint: {f.Hint}");
        }
        foreach (var s in result.Outcomes.Where(o => o.Status == OutcomeStatus.Skipped)) output.WriteLine($"Skipped: {names.Of(s.Change.Address)}: {s.Message}");
        foreach (var r in result.Records.Where(r => r.Status == OutcomeStatus.Failed))
        {
            output.WriteLine($"Failed: recording what {r.Address} ('{r.Collaboration.Name}') manages: {r.Message}");
            if (r.Hint is not null) output.WriteLine($"  hint: {r.Hint}");
        }
        if (result.Outcomes.Count == 0 && result.Records.Any(r => r.Status == OutcomeStatus.Succeeded))
            output.WriteLine($"Recorded what {result.Records.Count(r => r.Status == OutcomeStatus.Succeeded)} membership(s) manage, for `drift` " +
                             "(tags cleanrooms-stack:managed*); nothing else changed.");
        CallSummaryView.Write(output, calls);
        var headline = result.Cancelled ? "Apply interrupted" : failed.Count == 0 ? "Apply complete" : "Apply finished with failures";
        output.WriteLine($"{headline}: {result.Count(OutcomeStatus.Succeeded)} succeeded, {failed.Count} failed, " +
                         $"{result.Count(OutcomeStatus.Skipped)} skipped in {result.Duration.TotalSeconds:0.0}s.");
        if (failed.Count > 0 || result.Cancelled || !result.Succeeded)
            output.WriteLine("Run `cleanrooms-stack up` again: it re-reads live state and converges from where this run stopped.");
    }
}
