using CleanroomsStack.Engine.Verification;

namespace CleanroomsStack.Cli.Views;

/// <summary>The readiness of every managed association as a table, then a verdict.</summary>
internal static class VerifyView
{
    public static void Write(TextWriter output, IReadOnlyList<AssociationReadiness> readiness)
    {
        if (readiness.Count == 0)
        {
            output.WriteLine("No managed associations exist yet; run `cleanrooms-stack up` first.");
            return;
        }
        var rows = readiness.Select(r => new[] { r.Collaboration, r.Association, r.Status, string.Join(", ", r.Reasons) }).ToList();
        TableView.Write(output, ["COLLABORATION", "ASSOCIATION", "STATUS", "REASONS"], rows);
        var notReady = readiness.Count(r => !r.Ready);
        output.WriteLine();
        output.WriteLine(notReady == 0
            ? $"All {readiness.Count} associations are ready."
            : $"{notReady} of {readiness.Count} associations are not ready; `cleanrooms-stack preview` shows what would fix the ones the config covers.");
    }
}
