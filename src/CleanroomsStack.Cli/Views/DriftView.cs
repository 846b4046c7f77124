using System.Text.Json;
using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

/// <summary>
/// The drift report: drift first (what someone changed, with the plan's counts of unchanged and unmanaged resources),
/// then what was deleted outside the config, then pending work (never applied), then new invitations, then a one-line
/// verdict. Each part says what to do about it.
/// </summary>
internal static class DriftView
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, IndentSize = 2, NewLine = "\n",
    };

    public static void Write(TextWriter output, DriftReport report, PlanOutputSettings format, bool colour, NewInvitations invitations)
    {
        var drift = PlanDocument.From(report.Drift);
        var pending = PlanDocument.From(report.Pending);
        var deleted = report.DeletedOutside
            .Select(d => new DeletedDocument(d.Collaboration.CollaborationId, d.Collaboration.Name, d.Change.Address.ToString(),
                ChangeNames.Relative(d.Change.Address.ToString(), d.Collaboration.CollaborationId)))
            .ToList();
        if (format.Format == PlanFormat.Json)
        {
            var newInvitations = NewInvitationsView.Json(invitations);
            output.WriteLine(JsonSerializer.Serialize(new { formatVersion = 1, hasDrift = report.HasDrift, drift, deletedOutside = deleted, pending, newInvitations }, Json));
            return;
        }
        var markdown = format.Format == PlanFormat.Markdown;
        output.WriteLine(markdown ? "## Drift" : "Drift: managed resources that differ from the config, or that were deleted outside it");
        PlanView.Write(output, drift, format.Format, colour, format.Diff);
        WriteDeleted(output, deleted, markdown);
        if (report.Drift.HasChanges)
            output.WriteLine("To do: run `cleanrooms-stack up` (merge a change, or re-run the apply workflow) to put them back, or change the config to accept them.");
        output.WriteLine();
        output.WriteLine(markdown ? "## Pending work" : "Pending work: resources the config asks for that were never applied (e.g. new tables the patterns select)");
        PlanView.Write(output, pending, format.Format, colour, format.Diff, summary: false);
        output.WriteLine(pending.Summary.Create == 0 ? "No pending work."
            : $"Pending: {pending.Summary.Create} to create. To do: nothing is wrong; the next `up` creates them (on a merge, or nightly with apply.yml's schedule).");
        output.WriteLine();
        NewInvitationsView.Write(output, invitations, format.Format);
        output.WriteLine();
        var changes = drift.Summary.Create + drift.Summary.Update + drift.Summary.Replace + drift.Summary.Delete;
        output.WriteLine(report.HasDrift
            ? $"Drift detected: {changes} change(s){(deleted.Count > 0 ? $", {deleted.Count} of them deleted outside the config" : "")}. " +
              "Run `cleanrooms-stack up` to restore the configured state."
            : "No drift.");
    }

    private static void WriteDeleted(TextWriter output, IReadOnlyList<DeletedDocument> deleted, bool markdown)
    {
        if (deleted.Count == 0) return;
        output.WriteLine();
        output.WriteLine(markdown ? "### Deleted outside the config" : "Deleted outside the config (the last `up` applied them; `up` re-creates them):");
        foreach (var d in deleted)
        {
            var (resource, name) = (TerminalText.Escape(d.Resource), TerminalText.Escape(d.Collaboration));
            output.WriteLine(markdown
                ? $"- `{resource}` in '{System.Net.WebUtility.HtmlEncode(name)}' was deleted outside the config"
                : $"  - {resource} in '{name}' was deleted outside the config");
        }
    }

    /// <param name="Resource">The address inside the membership, e.g. <c>table-association[acx_part_age]</c>.</param>
    private sealed record DeletedDocument(string CollaborationId, string Collaboration, string Address, string Resource);
}
