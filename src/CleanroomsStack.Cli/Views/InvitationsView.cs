using System.Globalization;
using System.Text.Json;
using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Cli.Views;

/// <summary>Pending invitations as a fixed-width table, oldest first, or as a versioned JSON document for a bot.</summary>
internal static class InvitationsView
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, IndentSize = 2, NewLine = "\n",
    };

    public static void Write(TextWriter output, IReadOnlyList<CollaborationSummary> invitations, StackConfig config, string configFile)
    {
        if (invitations.Count == 0)
        {
            output.WriteLine("No pending invitations.");
            return;
        }
        var rows = Oldest(invitations)
            .Select(i => new[]
            {
                i.Name, i.Id, $"{i.CreatorDisplayName} ({i.CreatorAccountId})",
                i.CreateTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                InvitationCoverage.Of(config, i) switch { Coverage.Listed => "yes", Coverage.Policy => "by policy", _ => "no" },
            })
            .ToList();
        TableView.Write(output, ["COLLABORATION", "ID", "CREATOR", "INVITED AT", "IN CONFIG"], rows);
        var uncovered = rows.Count(r => r[4] == "no");
        output.WriteLine();
        output.WriteLine($"{rows.Count} pending invitation{(rows.Count == 1 ? "" : "s")}, {uncovered} not in the config." +
                         (uncovered > 0 ? $" `cleanrooms-stack add ID` adds one to {configFile} (--all-pending: all of them); `up` then accepts it." : ""));
    }

    /// <summary>
    /// The document the invitations workflow reads: each pending invitation, whether the config covers it, and the
    /// config file an <c>add</c> would change. Strings are exactly as AWS sent them (JSON escapes by its own rules).
    /// </summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<CollaborationSummary> invitations, StackConfig config, string? stack)
    {
        var document = new
        {
            formatVersion = 1,
            stack,
            configFile = config.FilePath,
            invitations = Oldest(invitations).Select(i => new
            {
                id = i.Id,
                name = i.Name,
                creatorAccountId = i.CreatorAccountId,
                creatorDisplayName = i.CreatorDisplayName,
                invitedAt = i.CreateTime.UtcDateTime,
                inConfig = InvitationCoverage.Of(config, i) != Coverage.None,
                coveredBy = InvitationCoverage.Of(config, i) switch { Coverage.Listed => "list", Coverage.Policy => "policy", _ => null },
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    private static IEnumerable<CollaborationSummary> Oldest(IEnumerable<CollaborationSummary> invitations) =>
        invitations.OrderBy(i => i.CreateTime).ThenBy(i => i.Id, StringComparer.Ordinal);
}
