using System.Globalization;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Cli.Views;

/// <summary>Pending invitations as a fixed-width table, oldest first.</summary>
internal static class InvitationsView
{
    public static void Write(TextWriter output, IReadOnlyList<CollaborationSummary> invitations, IReadOnlySet<string> configured, string configFile)
    {
        if (invitations.Count == 0)
        {
            output.WriteLine("No pending invitations.");
            return;
        }
        var rows = invitations
            .OrderBy(i => i.CreateTime).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new[]
            {
                i.Name, i.Id, $"{i.CreatorDisplayName} ({i.CreatorAccountId})",
                i.CreateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                configured.Contains(i.Id) ? "yes" : "no",
            })
            .ToList();
        TableView.Write(output, ["COLLABORATION", "ID", "CREATOR", "INVITED AT", "IN CONFIG"], rows);
        var uncovered = rows.Count(r => r[4] == "no");
        output.WriteLine();
        output.WriteLine($"{rows.Count} pending invitation{(rows.Count == 1 ? "" : "s")}, {uncovered} not in the config." +
                         (uncovered > 0 ? $" `cleanrooms-stack add ID` adds one to {configFile} (--all-pending: all of them); `up` then accepts it." : ""));
    }
}
