using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Engine.Applying;

/// <summary>One edge of the apply graph: wait for <see cref="On"/>; if <see cref="Required"/>, also skip unless it succeeded.</summary>
internal sealed record Dependency(ResourceChange On, bool Required);

/// <summary>
/// The dependency order inside one collaboration, as data: the membership before everything in it; deletes before
/// creates (so a quota or a name never sees old and new at once) and, among deletes, rules before their association;
/// an association before its rule. Only a parent is <em>required</em>: a failed delete delays a create but never
/// blocks it.
/// </summary>
internal static class ApplyOrder
{
    /// <summary>
    /// Lower ranks run first; every dependency points to a lower rank, so ranks order the graph. They come from each
    /// kind's depth (<see cref="ResourceKind.Level"/>): the membership first; then deletes, deepest first; then creates
    /// and updates, shallowest first; leaving (the membership's delete) last, since AWS deletes a membership only once
    /// nothing is left inside it.
    /// </summary>
    public static int Rank(ResourceChange change)
    {
        var deepest = ResourceKinds.MaxLevel;
        var level = change.Kind.Level;
        return (change.Kind.Parent, change.Action) switch
        {
            (null, ChangeAction.Delete) => 2 * deepest + 1,
            (null, _) => 0,
            (_, ChangeAction.Delete) => 1 + deepest - level,
            _ => deepest + level,
        };
    }

    public static IReadOnlyList<Dependency> Of(ResourceChange change, IReadOnlyList<ResourceChange> changes)
    {
        var dependencies = new List<Dependency>();
        void Add(IEnumerable<ResourceChange> on, bool required) => dependencies.AddRange(on.Where(c => c != change).Select(c => new Dependency(c, required)));
        var kind = change.Kind;
        var membership = changes.FirstOrDefault(c => c.Kind.Parent is null);
        if (kind.Parent is null)
        {
            if (change.Action == ChangeAction.Delete) Add(changes, required: true);
            return dependencies;
        }
        if (membership is { Action: not ChangeAction.Delete })
            Add([membership], required: true);
        if (change.Action == ChangeAction.Delete)
        {
            // What lives in it, and what is built on its kind, goes first.
            Add(changes.Where(c => c.Action == ChangeAction.Delete && (c.Address.Parent == change.Address || c.Kind.DependsOn.Contains(kind))), required: true);
            return dependencies;
        }
        // Its parent (when that is not the membership) and what its kind is built on come first.
        if (kind.Parent.Parent is not null)
            Add(changes.Where(c => c.Address == change.Address.Parent), required: true);
        Add(changes.Where(c => c.Action != ChangeAction.Delete && kind.DependsOn.Contains(c.Kind)), required: true);
        // Deletes of the same kind free quota and names first, but a failed one doesn't block the create.
        if (kind.Parent.Parent is null)
            Add(changes.Where(c => c.Kind == kind && c.Action == ChangeAction.Delete), required: false);
        return dependencies;
    }
}
