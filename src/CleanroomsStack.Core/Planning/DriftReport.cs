namespace CleanroomsStack.Core.Planning;

/// <summary>
/// A plan split for the nightly drift check: <see cref="Drift"/> holds changes to resources that exist but differ from
/// the config (update, replace, delete) and the re-creation of resources deleted outside the config (creates of what the
/// membership's record says the last `up` applied), with every unchanged and unmanaged resource, so its counts are the
/// whole plan's; <see cref="Pending"/> holds what was never applied (creates: new invitations to accept, tables newly
/// selected). Only drift means someone changed the account behind the config's back.
/// </summary>
public sealed record DriftReport(Plan Drift, Plan Pending)
{
    public bool HasDrift => Drift.HasChanges;

    /// <summary>The creates of resources deleted outside the config, in address order.</summary>
    public IEnumerable<(CollaborationPlan Collaboration, ResourceChange Change)> DeletedOutside =>
        Drift.Collaborations.SelectMany(c => c.Changes.Where(x => x.DeletedOutside).Select(x => (c, x)));

    // Diagnostics belong to the whole run; they are shown once, with the drift.
    public static DriftReport Of(Plan plan) =>
        new(Filter(plan, c => !IsPending(c), keepUnmanaged: true), Filter(plan, IsPending, keepUnmanaged: false) with { Diagnostics = [] });

    private static bool IsPending(ResourceChange change) => change is { Action: ChangeAction.Create, DeletedOutside: false };

    private static Plan Filter(Plan plan, Func<ResourceChange, bool> keep, bool keepUnmanaged) => plan with
    {
        Collaborations = plan.Collaborations
            .Select(c => c with { Changes = c.Changes.Where(keep).ToList(), Unmanaged = keepUnmanaged ? c.Unmanaged : [] })
            .Where(c => c.Changes.Count > 0 || c.Unmanaged.Count > 0)
            .ToList(),
    };
}
