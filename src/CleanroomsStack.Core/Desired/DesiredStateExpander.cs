using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// Expands the config against the live inventory into concrete desired resources. Pure: every problem it finds
/// (unknown collaboration, nobody to receive results, an impossible association name) becomes a diagnostic
/// that points at the config line responsible. Collaborations with errors are left out of the desired state.
/// </summary>
public static class DesiredStateExpander
{
    public static DesiredState Expand(StackConfig config, Inventory.Inventory inventory)
    {
        var region = inventory.Region ?? config.Region ?? "(default region)";
        var diagnostics = new List<Diagnostic>();
        var collaborations = new List<DesiredCollaboration>();
        foreach (var collaboration in config.Collaborations)
        {
            var found = new List<Diagnostic>();
            var desired = ExpandCollaboration(collaboration, inventory, region, found);
            diagnostics.AddRange(found);
            if (desired is not null && !found.HasErrors())
                collaborations.Add(desired);
        }
        collaborations.AddRange(AcceptedByPolicy(config, inventory, diagnostics));
        var ordered = collaborations.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.CollaborationId, StringComparer.Ordinal).ToList();
        return new DesiredState(region, ordered, diagnostics);
    }

    private static DesiredCollaboration? ExpandCollaboration(CollaborationConfig config, Inventory.Inventory inventory, string region, List<Diagnostic> diagnostics)
    {
        var info = inventory.Collaborations.FirstOrDefault(c => c.Id == config.Id.Value);
        // After leaving, AWS either lists the membership as REMOVED or shows nothing of the collaboration at all
        // (aws-semantics #3): with `state: left` both mean "has left", not an unknown collaboration.
        if (config.State == ParticipationState.Left)
            return Leave(config, info ?? new CollaborationInfo(config.Id.Value, config.Name, "", "", MemberStatus.Left, null, []),
                inventory.Caller.AccountId, diagnostics);
        if (info is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CollaborationNotFound,
                $"no invitation or membership for collaboration {config.Id.Value} ('{config.Name}') in account {inventory.Caller.AccountId} region {region}",
                config.Id.Location, "check the id against the invitation, and that the credentials (--profile) and region (--region, defaults.region) are the invited account's"));
            return null;
        }
        if (info.MemberStatus.IsGone)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.CollaborationNotJoinable,
                $"{Gone(info.MemberStatus)} collaboration {info.Id} ('{config.Name}'); it can't be joined again, so nothing is planned for it",
                config.Id.Location, "remove this collaboration from the config, or mark it 'state: left'"));
            return null;
        }
        if (info.MemberStatus == MemberStatus.Invited && WrongInvitation(config, info) is { } wrong)
        {
            // Accepting joins the collaboration, exposing our data to its members, and a left collaboration can't be rejoined.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongInvitation, wrong, config.Location,
                $"if this is the invitation you mean, set the entry's name to '{info.Name}' (or add creatorAccountId: \"{info.CreatorAccountId}\"); otherwise fix the id"));
            return null;
        }
        if (!string.Equals(config.Name, info.Name, StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NameMismatch,
                $"collaboration {info.Id} is called '{info.Name}' in AWS, but the config calls it '{config.Name}'", config.Location,
                "check that the id is the one you mean; rename the entry to match to silence this"));
        }
        var label = info.MemberStatus == MemberStatus.Invited
            ? $"accept invitation from {info.CreatorDisplayName} ({info.CreatorAccountId})"
            : $"membership {info.MembershipId}";
        return CollaborationExpander.Expand(config.Name, config.Settings, info, inventory, label, config.Location, diagnostics);
    }

    /// <summary>
    /// Why accepting this invitation would join a collaboration other than the one the entry describes: the creator is
    /// not the one it names, or (naming none) the invitation's collaboration has another name. Null when it is the one.
    /// </summary>
    private static string? WrongInvitation(CollaborationConfig config, CollaborationInfo info)
    {
        if (config.CreatorAccountId is { } creator)
            return creator == info.CreatorAccountId ? null
                : $"the invitation to collaboration {info.Id} ('{info.Name}') comes from account {info.CreatorAccountId}, but the entry '{config.Name}' expects creatorAccountId {creator}; it is not accepted";
        return string.Equals(config.Name, info.Name, StringComparison.Ordinal) ? null
            : $"the invitation to collaboration {info.Id} is for '{info.Name}' (from {info.CreatorDisplayName}, {info.CreatorAccountId}), but the config calls it '{config.Name}'; an invitation is accepted only when the names match or creatorAccountId does";
    }

    /// <summary>Collaborations not listed by id that the invitation policy matches, expanded with the defaults.</summary>
    private static IEnumerable<DesiredCollaboration> AcceptedByPolicy(StackConfig config, Inventory.Inventory inventory, List<Diagnostic> diagnostics)
    {
        if (config.Invitations is not { } policy || config.Defaults is not { } defaults)
            yield break;
        var listed = config.Collaborations.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var candidates = inventory.Collaborations
            .Where(c => !listed.Contains(c.Id) && c.MemberStatus.IsOpen && c.CreatorAccountId != inventory.Caller.AccountId)
            .Where(c => policy.Matches(c.CreatorAccountId, c.Name));
        foreach (var info in candidates)
        {
            var found = new List<Diagnostic>();
            var label = info.MemberStatus == MemberStatus.Invited
                ? $"accept invitation from {info.CreatorDisplayName} ({info.CreatorAccountId}), by invitation policy"
                : $"membership {info.MembershipId}, by invitation policy";
            var desired = CollaborationExpander.Expand(info.Name, defaults, info, inventory, label, policy.Location, found);
            diagnostics.AddRange(found);
            if (!found.HasErrors())
                yield return desired;
        }
    }

    /// <summary><c>state: left</c>: no resources are desired; the planner deletes what exists (if allowed).</summary>
    private static DesiredCollaboration? Leave(CollaborationConfig config, CollaborationInfo info, string callerAccountId, List<Diagnostic> diagnostics)
    {
        if (info.MemberStatus == MemberStatus.Active && info.CreatorAccountId == callerAccountId)
        {
            // AWS refuses: "Cannot delete membership for the creator of the collaboration while their membership is still ACTIVE".
            // Planning the deletes inside it would dismantle the membership and then fail on every run.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CreatorCantLeave,
                $"this account created '{info.Name}' ({info.Id}), and AWS doesn't let the creator leave while its membership is ACTIVE; nothing is planned for it",
                config.Location, "delete the collaboration itself (its creator's action, outside this tool) or set 'state: active' to keep it"));
            return null;
        }
        var label = info.MemberStatus == MemberStatus.Active ? $"leave collaboration (membership {info.MembershipId})"
            : info.MemberStatus == MemberStatus.Invited ? "invitation not accepted (state: left)"
            : info.MemberStatus == MemberStatus.Left || info.MemberStatus == MemberStatus.Removed ? "this account has left"
            : $"not a member ({info.MemberStatus})";
        return new DesiredCollaboration(info.Id, config.Name, label, new MembershipSpec(info.Id, config.Settings.Membership.QueryLogStatus),
            Kinds.KindValues.Empty, config.Settings.Association.NameTemplate.Value, null, Leave: true, config.Location);
    }

    private static string Gone(MemberStatus status) =>
        status == MemberStatus.Removed ? "this account was removed from"
        : status == MemberStatus.CollaborationDeleted ? "its creator deleted"
        : "this account has left";
}
