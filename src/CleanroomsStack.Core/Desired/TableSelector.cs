using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Inventory;

namespace CleanroomsStack.Core.Desired;

/// <param name="Selected">Tables to associate, sorted by name, at most <c>max</c>.</param>
/// <param name="LeftOut">Tables that matched but didn't fit under <c>max</c>.</param>
public sealed record TableSelectionResult(IReadOnlyList<ConfiguredTableInfo> Selected, IReadOnlyList<ConfiguredTableInfo> LeftOut);

/// <summary>Applies include/exclude globs and the per-membership maximum to the account's configured tables.</summary>
public static class TableSelector
{
    public static TableSelectionResult Select(TableSelection selection, IReadOnlyList<ConfiguredTableInfo> tables)
    {
        var listed = (selection.Names ?? []).Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
        var matching = tables
            .Where(t => listed.Contains(t.Name) || selection.Include.Any(p => Glob.Matches(p, t.Name)))
            .Where(t => !selection.Exclude.Any(p => Glob.Matches(p, t.Name)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var max = selection.Max.Value;
        return new TableSelectionResult(matching.Take(max).ToList(), matching.Skip(max).ToList());
    }
}
