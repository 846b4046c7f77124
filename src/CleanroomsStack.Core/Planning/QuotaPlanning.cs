using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Decides, for one kind in one membership, whether replacements create first or delete first, from the kind's
/// quota (declared in <see cref="ResourceKinds"/>): creating first is preferred, and chosen when every replacement's
/// new resource fits under the quota next to what the plan leaves in place. Also warns when the plan itself would
/// exceed the quota.
/// </summary>
public static class QuotaPlanning
{
    /// <param name="order">Applies the decided order (and the amended reason) to one replacement change.</param>
    public static (List<ResourceChange> Changes, List<Diagnostic> Diagnostics) Apply(ResourceKind kind, IReadOnlyList<ResourceChange> changes,
        int liveCount, string membershipName, Func<ResourceChange, ReplacementOrder, string, ResourceChange> order)
    {
        var diagnostics = new List<Diagnostic>();
        if (kind.Info().QuotaPerMembership is not { } quota)
            return (changes.ToList(), diagnostics);
        int Count(ChangeAction action) => changes.Count(c => c.Kind == kind && c.Action == action);
        var afterPlan = liveCount - Count(ChangeAction.Delete) + Count(ChangeAction.Create);
        var replacements = Count(ChangeAction.Replace);
        var createFirst = afterPlan + replacements <= quota;
        var what = kind.Info().DisplayName;
        var why = createFirst
            ? $"create first: the old one keeps working until the new one exists ({afterPlan + replacements} of {quota} {what}s at most)"
            : $"delete first: creating first would exceed the quota of {quota} {what}s per membership ({afterPlan} after this plan)";
        var decided = changes
            .Select(c => c.Kind == kind && c.Action == ChangeAction.Replace
                ? order(c, createFirst ? ReplacementOrder.CreateFirst : ReplacementOrder.DeleteFirst, $"{c.Reason}; {why}")
                : c)
            .ToList();
        if (afterPlan > quota)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.OverQuota,
                $"after this plan the membership in '{membershipName}' would hold {afterPlan} {what}s; AWS allows {quota}",
                hint: "lower tables.max, or remove unmanaged ones from the membership; AWS will reject the creates over the quota"));
        }
        return (decided, diagnostics);
    }
}
