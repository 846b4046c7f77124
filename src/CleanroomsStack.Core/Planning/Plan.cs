using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Planning;

/// <summary>The whole plan: immutable data, ordered by address, rendered elsewhere.</summary>
public sealed record Plan(IReadOnlyList<CollaborationPlan> Collaborations, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IEnumerable<ResourceChange> Changes => Collaborations.SelectMany(c => c.Changes);

    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.NoOp);

    public PlanSummary Summary => PlanSummary.Of(this);
}

/// <param name="Label">e.g. "accept invitation from AMC (921290734397)" or "membership 6610…".</param>
/// <param name="Refused">
/// Changes the config asks for but the operator hasn't allowed (leaving without <c>--allow-leave</c>). Shown so the
/// intent is visible, but kept out of <see cref="Changes"/> so nothing can apply them.
/// </param>
public sealed record CollaborationPlan(
    string CollaborationId,
    string Name,
    string Label,
    IReadOnlyList<ResourceChange> Changes,
    IReadOnlyList<UnmanagedResource> Unmanaged,
    IReadOnlyList<ResourceChange>? Refused = null);

/// <summary>Something that exists in AWS that the config does not own; reported, never changed.</summary>
public sealed record UnmanagedResource(ResourceAddress Address, string Reason);

public sealed record PlanSummary(int Create, int Update, int Replace, int Delete, int Unchanged, int Unmanaged)
{
    public int TotalChanges => Create + Update + Replace + Delete;

    public static PlanSummary Of(Plan plan)
    {
        var changes = plan.Changes.ToList();
        int Count(ChangeAction a) => changes.Count(c => c.Action == a);
        return new(Count(ChangeAction.Create), Count(ChangeAction.Update), Count(ChangeAction.Replace),
            Count(ChangeAction.Delete), Count(ChangeAction.NoOp), plan.Collaborations.Sum(c => c.Unmanaged.Count));
    }
}
