using System.Globalization;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Cli.Views;

/// <summary>Pending invitations the config doesn't cover (neither listed nor matched by its invitation policy).</summary>
/// <param name="ConfigFile">The config an invitation would be added to, as it may be printed.</param>
internal sealed record NewInvitations(IReadOnlyList<CollaborationSummary> Pending, string ConfigFile);

/// <summary>
/// The third part of the drift report: new invitations are neither drift (nothing changed behind the config's back) nor
/// pending work (the config doesn't ask for them), so they get their own section, and their own way forward.
/// </summary>
internal static class NewInvitationsView
{
    public static void Write(TextWriter output, NewInvitations invitations, PlanFormat format)
    {
        var markdown = format == PlanFormat.Markdown;
        output.WriteLine(markdown ? "## New invitations" : "New invitations: pending invitations the config doesn't cover");
        if (invitations.Pending.Count == 0)
        {
            output.WriteLine("None.");
            return;
        }
        var rows = invitations.Pending.Select(i => new[]
        {
            i.Name, i.Id, $"{i.CreatorDisplayName} ({i.CreatorAccountId})", i.CreateTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();
        string[] headers = ["COLLABORATION", "ID", "CREATOR", "INVITED"];
        if (markdown)
        {
            output.WriteLine();
            output.WriteLine("| collaboration | id | creator | invited |");
            output.WriteLine("|---|---|---|---|");
            foreach (var row in rows) output.WriteLine("| " + string.Join(" | ", row.Select(PlanMarkdownRenderer.Escape)) + " |");
            output.WriteLine();
        }
        else TableView.Write(output, headers, rows);
        output.WriteLine($"To do: merge the invitation's pull request (the invitations workflow opens one), or run `cleanrooms-stack add ID` to add it " +
                         $"to {invitations.ConfigFile}; `up` accepts it. To decline one, list it with `state: left`.");
    }

    /// <summary>The section in the drift JSON document; strings exactly as AWS sent them.</summary>
    public static object Json(NewInvitations invitations) => invitations.Pending.Select(i => new
    {
        id = i.Id, name = i.Name, creatorAccountId = i.CreatorAccountId, creatorDisplayName = i.CreatorDisplayName, invitedAt = i.CreateTime.UtcDateTime,
    }).ToList();
}
