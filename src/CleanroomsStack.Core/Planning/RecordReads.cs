using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Where the record of what the last `up` applied (<see cref="ManagedRecord"/>, kept in the membership's tags) must be
/// read. A membership's tags are read with it only when the config names tags; the record alone is read where a
/// decision needs it, so a run that creates nothing costs no call for it: a plan needs it where it creates something
/// in a live membership (deleted outside, or pending?), and `up` needs it in every membership it keeps (must the
/// record be written?).
/// </summary>
public static class RecordReads
{
    /// <summary>The live memberships whose tags the plan lacks although it creates something in them.</summary>
    public static IReadOnlyList<MembershipState> ToPlan(Plan plan) =>
        plan.Collaborations
            .Where(c => c.Changes.Any(x => x.Action == ChangeAction.Create && x.Kind.Parent is not null))
            .Select(Unread).OfType<MembershipState>().ToList();

    /// <summary>The memberships `up` keeps (its change is no-op or update) whose tags were not read: their record is unknown.</summary>
    public static IReadOnlyList<MembershipState> ToApply(Plan plan) =>
        plan.Collaborations
            .Where(c => ManagedRecord.MembershipOf(c) is { Action: ChangeAction.NoOp or ChangeAction.Update })
            .Select(Unread).OfType<MembershipState>().ToList();

    /// <summary>
    /// The plan with the memberships' tags filled in, by membership id. Only for tags read for <see cref="ToApply"/>:
    /// those memberships have no create (the plan read the others), and their tags the config names were read with
    /// them, so the tags change no decision of the plan and planning again would give the same changes.
    /// </summary>
    public static Plan WithTags(Plan plan, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags) =>
        plan with
        {
            Collaborations = plan.Collaborations.Select(c => c with
            {
                Changes = c.Changes.Select(x => x.Kind.Parent is null && x.Live is MembershipState m && tags.TryGetValue(m.Id, out var read)
                    ? x with { Live = m with { Tags = read } }
                    : x).ToList(),
            }).ToList(),
        };

    private static MembershipState? Unread(CollaborationPlan plan) =>
        ManagedRecord.MembershipOf(plan)?.Live is MembershipState { IsActive: true, Tags: null } m ? m : null;
}
