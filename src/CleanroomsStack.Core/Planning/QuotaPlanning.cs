using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Decides, for one kind in one membership, whether replacements create first or delete first. Creating first keeps
/// the old resource working until the new one exists, so it is preferred; it is chosen when the new resource doesn't
/// need something only the old one holds (<c>canCreateFirst</c>, e.g. the same name) and every replacement fits
/// under the kind's quota (<see cref="ResourceKind.QuotaPerMembership"/>) next to what the plan leaves in place.
/// Also warns when the plan itself would exceed the quota.
/// </summary>
public static class QuotaPlanning
{
    /// <param name="canCreateFirst">Null when the replacement can be created beside the old one, else why not.</param>
    public static (List<ResourceChange> Changes, List<Diagnostic> Diagnostics) Apply(ResourceKind kind, IReadOnlyList<ResourceChange> changes,
        int liveCount, string membershipName, Func<ResourceChange, string?> canCreateFirst)
    {
        var diagnostics = new List<Diagnostic>();
        var quota = kind.QuotaPerMembership ?? int.MaxValue;
        int Count(ChangeAction action) => changes.Count(c => c.Kind == kind && c.Action == action);
        var afterPlan = liveCount - Count(ChangeAction.Delete) + Count(ChangeAction.Create);
        var replacements = Count(ChangeAction.Replace);
        var what = kind.DisplayName;
        var fits = afterPlan + replacements <= quota;
        var decided = changes.Select(c =>
        {
            if (c.Kind != kind || c.Action != ChangeAction.Replace)
                return c;
            if (canCreateFirst(c) is { } blocker)
                return c with { Order = ReplacementOrder.DeleteFirst, Reason = $"{c.Reason}; delete first: {blocker}" };
            return fits
                ? c with
                {
                    Order = ReplacementOrder.CreateFirst,
                    Reason = $"{c.Reason}; create first: the old one keeps working until the new one exists ({afterPlan + replacements} of {quota} {what}s at most)",
                }
                : c with
                {
                    Order = ReplacementOrder.DeleteFirst,
                    Reason = $"{c.Reason}; delete first: creating first would exceed the quota of {quota} {what}s per membership ({afterPlan} after this plan)",
                };
        }).ToList();
        if (afterPlan > quota)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.OverQuota,
                $"after this plan the membership in '{membershipName}' would hold {afterPlan} {what}s; AWS allows {quota}",
                hint: "lower tables.max, or remove unmanaged ones from the membership; AWS will reject the creates over the quota"));
        }
        return (decided, diagnostics);
    }
}
