namespace CleanroomsStack.Core.Planning;

/// <summary>
/// Facts every plan must have, checked where plans are made. A violation is a bug (a differ matched one live resource
/// twice, or a listing repeated an item), and applying such a plan could act on one resource twice: it throws.
/// </summary>
public static class PlanInvariants
{
    public static void OneChangePerResource(IReadOnlyList<ResourceChange> changes)
    {
        var twice = changes.GroupBy(c => c.Address.ToString()).FirstOrDefault(g => g.Count() > 1)
            ?? changes.Where(c => c.LiveId is not null && c.Kind.Parent is { Parent: null })
                .GroupBy(c => $"{c.Kind}|{c.LiveId}").FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException(
                $"the plan holds {twice.Count()} changes on one resource ({string.Join(", ", twice.Select(c => $"{c.Address} {c.Action.Info().Verb}"))}); a plan may hold one");
    }
}
