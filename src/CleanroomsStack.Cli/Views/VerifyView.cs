using CleanroomsStack.Engine.Verification;

namespace CleanroomsStack.Cli.Views;

/// <summary>The readiness of every managed association as a table, then a verdict.</summary>
internal static class VerifyView
{
    /// <summary>Each analysis type's readiness, e.g. "direct READY, additional NOT_READY (RESULT_RECEIVERS_NOT_ALLOWED)".</summary>
    private static string Analyses(AssociationReadiness r) => string.Join(", ", (r.Analyses ?? []).Select(a =>
        $"{a.AnalysisType.Replace("_ANALYSIS", "", StringComparison.Ordinal).ToLowerInvariant()} {(a.Ready ? "READY" : "NOT_READY")}"
        + (a.Ready || a.Reasons.Count == 0 ? "" : $" ({string.Join(", ", a.Reasons)})")));

    public static void Write(TextWriter output, IReadOnlyList<AssociationReadiness> readiness)
    {
        if (readiness.Count == 0)
        {
            output.WriteLine("No managed associations exist yet; run `cleanrooms-stack up` first.");
            return;
        }
        var rows = readiness.Select(r => new[] { r.Collaboration, r.Association, r.Status, Analyses(r), string.Join(", ", r.Reasons) }).ToList();
        TableView.Write(output, ["COLLABORATION", "ASSOCIATION", "STATUS", "ANALYSES", "REASONS"], rows);
        var notReady = readiness.Count(r => !r.Ready);
        output.WriteLine();
        output.WriteLine(notReady == 0
            ? $"All {readiness.Count} associations are ready."
            : $"{notReady} of {readiness.Count} associations are not ready; AWS can take minutes to count rules just put in place "
              + "(`cleanrooms-stack verify --wait 10m`), and `cleanrooms-stack preview` shows what would fix the ones the config covers.");
    }
}
