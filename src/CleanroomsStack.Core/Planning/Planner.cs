using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Desired state vs live state → plan. Pure and deterministic: collaborations by name then id, changes by address.
/// Live memberships the config doesn't mention are reported as unmanaged and never changed.
/// </summary>
public static class Planner
{
    public static Plan Create(DesiredState desired, LiveState live) => Create(desired, live, PlanOptions.Default);

    public static Plan Create(DesiredState desired, LiveState live, PlanOptions options)
    {
        var diagnostics = desired.Diagnostics.ToList();
        var plans = desired.Collaborations
            .Select(c => c.Leave
                ? LeavePlanner.Plan(c, live.ForCollaboration(c.CollaborationId), options, diagnostics)
                : PlanCollaboration(c, live, diagnostics))
            .ToList();
        var configured = desired.Collaborations.Select(c => c.CollaborationId).ToHashSet(StringComparer.Ordinal);
        plans.AddRange(live.Memberships
            .Where(m => !configured.Contains(m.CollaborationId))
            .GroupBy(m => m.CollaborationId)
            .Select(g => Unconfigured(g.OrderBy(m => m.IsActive ? 0 : 1).ThenBy(m => m.Id, StringComparer.Ordinal).First())));
        var ordered = plans.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.CollaborationId, StringComparer.Ordinal).ToList();
        return new Plan(ordered, diagnostics);
    }

    private static CollaborationPlan PlanCollaboration(DesiredCollaboration desired, LiveState live, List<Diagnostic> diagnostics)
    {
        var membership = live.ForCollaboration(desired.CollaborationId);
        if (membership is { IsActive: false })
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.CollaborationNotJoinable,
                $"the membership in '{desired.Name}' ({desired.CollaborationId}) is {membership.Status}; it can't be re-created, so nothing is planned for it",
                desired.Location, "remove this collaboration from the config, or mark it 'state: left'"));
            return new CollaborationPlan(desired.CollaborationId, desired.Name, $"membership {membership.Id} ({membership.Status})", [], []);
        }
        var membershipChange = MembershipDiffer.Diff(desired.Membership, membership, desired.Label, diagnostics);
        var scope = new KindDiffScope(membershipChange.Address, desired, membership, membership?.Id);
        var kinds = ResourceKinds.InMembership.Select(k => k.Diff(scope)).ToList();
        diagnostics.AddRange(kinds.SelectMany(k => k.Diagnostics ?? []));
        var changes = MarkDeletedOutside(kinds.SelectMany(k => k.Changes).Prepend(membershipChange), membership).OrderBy(c => c.Address).ToList();
        PlanInvariants.OneChangePerResource(changes);
        return new CollaborationPlan(desired.CollaborationId, desired.Name, desired.Label, changes,
            kinds.SelectMany(k => k.Unmanaged).OrderBy(u => u.Address).ToList());
    }

    /// <summary>
    /// A resource the plan creates that the membership's record holds was applied by an earlier `up` and deleted since,
    /// outside the config: drift, not pending work. Without a record nothing is marked.
    /// </summary>
    private static IEnumerable<ResourceChange> MarkDeletedOutside(IEnumerable<ResourceChange> changes, MembershipState? membership) =>
        ManagedRecord.Read(membership?.Tags) is not { } record ? changes
        : changes.Select(c => c.Action == ChangeAction.Create && record.Holds(c.Address)
            ? c with { DeletedOutside = true, Reason = $"deleted outside the config (the last up applied it); {c.Reason}" }
            : c);

    private static CollaborationPlan Unconfigured(MembershipState membership)
    {
        var reason = membership.IsActive
            ? "this collaboration is not in the config; left as it is"
            : $"membership is {membership.Status}; reported only, never re-created";
        return new CollaborationPlan(membership.CollaborationId, membership.CollaborationName, $"membership {membership.Id}", [],
            [new UnmanagedResource(ResourceAddress.Membership(membership.CollaborationId), reason)]);
    }
}
