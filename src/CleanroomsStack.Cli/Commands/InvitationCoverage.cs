using CleanroomsStack.Core.Config;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Cli.Commands;

/// <summary>How the config covers a pending invitation: listed by id, matched by the invitation policy, or not at all.</summary>
internal enum Coverage { None, Listed, Policy }

internal static class InvitationCoverage
{
    public static Coverage Of(StackConfig config, CollaborationSummary invitation) =>
        config.Collaborations.Any(c => c.Id.Value == invitation.Id) ? Coverage.Listed
        : config.ManagesUnlistedCollaborations && config.Invitations!.Matches(invitation.CreatorAccountId, invitation.Name) ? Coverage.Policy
        : Coverage.None;

    /// <summary>The pending invitations nothing in the config covers, oldest first: what `add` would add.</summary>
    public static IReadOnlyList<CollaborationSummary> Uncovered(StackConfig config, IEnumerable<CollaborationSummary> invitations) =>
        invitations.Where(i => Of(config, i) == Coverage.None).OrderBy(i => i.CreateTime).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
}
