using System.Globalization;
using CleanroomsStack.Core.Config.Yaml;

namespace CleanroomsStack.Core.Config.Editing;

/// <summary>A pending invitation as <c>add</c> writes it into the config.</summary>
/// <param name="InvitedAt">When the collaboration (and so the invitation) was created.</param>
public sealed record PendingInvitation(string Id, string Name, string CreatorAccountId, string CreatorDisplayName, DateTimeOffset InvitedAt);

/// <summary>
/// The collaboration entry for a pending invitation: its name and id, a note saying who invited us and when, and the
/// creator's account, so that <c>up</c> refuses to accept an invitation to that id from anyone else (CS216).
/// Every value from AWS goes through <see cref="YamlText"/>: names are hostile input.
/// </summary>
public static class InvitationStanza
{
    /// <summary>The entry's lines without indentation: "- name: …" then "  key: …" lines.</summary>
    public static IReadOnlyList<string> Lines(PendingInvitation invitation) =>
    [
        $"- name: {YamlText.Scalar(invitation.Name)}",
        $"  id: {(Formats.IsUuid(invitation.Id) ? invitation.Id : YamlText.Quoted(invitation.Id))}",
        $"  note: {YamlText.Scalar(Note(invitation))}",
        $"  creatorAccountId: {YamlText.Quoted(invitation.CreatorAccountId)}",
    ];

    public static string Note(PendingInvitation invitation) =>
        $"Invited by {invitation.CreatorDisplayName} ({invitation.CreatorAccountId}) on " +
        invitation.InvitedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
