using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// <c>state: left</c>: leaving deletes the membership, and AWS requires everything inside it to go first, so the
/// plan lists every association (with its rules), ID namespace association and ID mapping table. Without
/// <c>--allow-leave</c> for the collaboration, those deletions are listed as refused (never applied) and an error says why.
/// </summary>
public static class LeavePlanner
{
    public static CollaborationPlan Plan(DesiredCollaboration desired, MembershipState? membership, PlanOptions options, List<Diagnostic> diagnostics)
    {
        if (membership is not { IsActive: true })
            return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, [], []);
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
