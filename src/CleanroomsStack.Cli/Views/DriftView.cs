using System.Text.Json;
using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

/// <summary>The drift report: drift first (what someone changed), then pending work, then new invitations, then a one-line verdict.</summary>
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
        if (format.Format == PlanFormat.Json)
        {
            var newInvitations = NewInvitationsView.Json(invitations);
            output.WriteLine(JsonSerializer.Serialize(new { formatVersion = 1, hasDrift = report.HasDrift, drift, pending, newInvitations }, Json));
            return;
        }
        var markdown = format.Format == PlanFormat.Markdown;
        output.WriteLine(markdown ? "## Drift" : "Drift: managed resources that exist but differ from the config");
        PlanView.Write(output, drift, format.Format, colour, format.Diff);
        if (report.Drift.HasChanges)
            output.WriteLine("To do: run `cleanrooms-stack up` (merge a change, or re-run the apply workflow) to put them back, or change the config to accept them.");
        output.WriteLine();
        output.WriteLine(markdown ? "## Pending work" : "Pending work: resources the config asks for that don't exist yet (e.g. new tables the patterns select)");
        PlanView.Write(output, pending, format.Format, colour, format.Diff);
        if (report.Pending.HasChanges)
            output.WriteLine("To do: nothing is wrong; the next `up` creates them (on a merge, or nightly with apply.yml's schedule).");
        output.WriteLine();
        NewInvitationsView.Write(output, invitations, format.Format);
        output.WriteLine();
        output.WriteLine(report.HasDrift
            ? $"Drift detected: {drift.Summary.Update + drift.Summary.Replace + drift.Summary.Delete} change(s). Run `cleanrooms-stack up` to restore the configured state."
            : "No drift.");
    }
}
