namespace CleanroomsStack.Core.Planning;

/// <summary>
/// A plan split for the nightly drift check: <see cref="Drift"/> holds changes to resources that exist but differ from
/// the config (update, replace, delete); <see cref="Pending"/> holds what doesn't exist yet (creates: new invitations to
/// accept, tables newly selected). Only drift means someone changed the account behind the config's back.
/// </summary>
public sealed record DriftReport(Plan Drift, Plan Pending)
{
    public bool HasDrift => Drift.HasChanges;

    // Diagnostics belong to the whole run; they are shown once, with the drift.
    public static DriftReport Of(Plan plan) =>
        new(Filter(plan, IsDrift), Filter(plan, a => a == ChangeAction.Create) with { Diagnostics = [] });

    private static bool IsDrift(ChangeAction action) => action is ChangeAction.Update or ChangeAction.Replace or ChangeAction.Delete;

    private static Plan Filter(Plan plan, Func<ChangeAction, bool> keep) => plan with
    {
        Collaborations = plan.Collaborations
            .Select(c => c with { Changes = c.Changes.Where(x => keep(x.Action)).ToList(), Unmanaged = [] })
            .Where(c => c.Changes.Count > 0)
            .ToList(),
    };
}
