using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// <c>state: left</c>: leaving deletes the membership, and AWS requires everything inside it to go first, so the
/// plan lists every resource of every kind the tool manages (associations with their rules, ID namespace associations,
/// ID mapping tables, analysis templates), whether the config names it or not. Before any of that it checks that the
/// leave can succeed: a membership that also holds resources of kinds the tool doesn't manage (<see cref="ForeignKinds"/>)
/// would refuse DeleteMembership after everything else was deleted, so its plan is one error (CS221) and nothing else.
/// (The other refusal, the creator leaving while ACTIVE, is caught earlier, in expansion: CS217.) Without
/// <c>--allow-leave</c> for the collaboration, the deletions are listed as refused (never applied) and an error says why.
/// </summary>
public static class LeavePlanner
{
    public static CollaborationPlan Plan(DesiredCollaboration desired, MembershipState? membership, PlanOptions options, List<Diagnostic> diagnostics)
    {
        if (membership is not { IsActive: true })
            return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, [], []);
        if (membership.Foreign is { Count: > 0 } foreign)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LeaveBlocked,
                $"leaving '{desired.Name}' ({desired.CollaborationId}) can't succeed: AWS deletes a membership only once nothing is left under it, and membership {membership.Id} holds resources this tool doesn't manage ({ForeignKinds.Describe(foreign)}); nothing is planned for it",
                desired.Location, "delete those resources first (in the console, or with the tool that made them), then run again; or set 'state: active' to stay"));
            return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, [], []);
        }
        const string reason = "state: left; leaving removes everything this account shares in the collaboration";
        var address = ResourceAddress.Membership(desired.CollaborationId);
        var changes = new List<ResourceChange> { MembershipDiffer.Delete(membership, "state: left: leave the collaboration (irreversible)") };
        changes.AddRange(ResourceKinds.InMembership.SelectMany(k => k.Leave(address, membership, reason)));
        var ordered = changes.OrderBy(c => c.Address).ToList();
        if (options.AllowLeave.Contains(desired.CollaborationId))
            return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, ordered, []);
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LeaveNotAllowed,
            $"the config says to leave '{desired.Name}' ({desired.CollaborationId}); leaving can't be undone, so it needs explicit permission",
            desired.Location, $"pass --allow-leave {desired.CollaborationId} (preview shows the leave plan with it; up applies it), or set 'state: active' to stay"));
        return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, [], [], ordered);
    }
}
