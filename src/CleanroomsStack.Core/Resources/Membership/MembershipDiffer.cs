using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>Desired membership vs the live one: create (accept the invitation), update settings, or keep.</summary>
public static class MembershipDiffer
{
    public static MembershipChange Diff(MembershipSpec desired, MembershipState? live, string label)
    {
        var address = ResourceAddress.Membership(desired.CollaborationId);
        var diffs = new DiffBuilder(ResourceKind.Membership);
        if (live is null)
        {
            diffs.Set("collaborationIdentifier", desired.CollaborationId, creating: true).Set("queryLogStatus", desired.QueryLogStatus, creating: true);
            return new MembershipChange(address, ChangeAction.Create, $"{label}: no membership yet", diffs.Diffs, desired, null);
        }
        diffs.Compare("queryLogStatus", live.QueryLogStatus, desired.QueryLogStatus);
        var reason = diffs.Action == ChangeAction.NoOp
            ? "membership matches the config"
            : "membership settings differ from the config";
        return new MembershipChange(address, diffs.Action, reason, diffs.Diffs, desired, live);
    }

    /// <summary>Leaving the collaboration: DeleteMembership.</summary>
    public static MembershipChange Delete(MembershipState live, string reason)
    {
        var diffs = new DiffBuilder(ResourceKind.Membership).Set("collaborationIdentifier", live.CollaborationId, creating: false);
        return new MembershipChange(ResourceAddress.Membership(live.CollaborationId), ChangeAction.Delete, reason, diffs.Diffs, null, live);
    }
}
