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
    /// <summary>Lower ranks run first; every dependency points to a lower rank, so ranks order the graph.</summary>
    public static int Rank(ResourceChange change) => (change.Kind, change.Action) switch
    {
        // Leaving goes last: AWS deletes a membership only once nothing is left inside it.
        (ResourceKind.Membership, ChangeAction.Delete) => 5,
        (ResourceKind.Membership, _) => 0,
        (ResourceKind.AnalysisRule or ResourceKind.IdMappingTable, ChangeAction.Delete) => 1,
        (_, ChangeAction.Delete) => 2,
        (ResourceKind.AnalysisRule or ResourceKind.IdMappingTable, _) => 4,
        _ => 3,
    };

    public static IReadOnlyList<Dependency> Of(ResourceChange change, IReadOnlyList<ResourceChange> changes)
    {
        var dependencies = new List<Dependency>();
        var membership = changes.FirstOrDefault(c => c.Kind == ResourceKind.Membership);
        if (change.Kind != ResourceKind.Membership && membership is { Action: not ChangeAction.Delete })
            dependencies.Add(new(membership, Required: true));
        switch (change.Kind, change.Action)
        {
            case (ResourceKind.Membership, ChangeAction.Delete):
                dependencies.AddRange(changes.Where(c => c != change).Select(c => new Dependency(c, Required: true)));
                break;
            case (ResourceKind.IdNamespaceAssociation, ChangeAction.Delete):
                // ID mapping tables are built on the ID namespace associations, so they go first.
                dependencies.AddRange(changes.Where(c => c is { Kind: ResourceKind.IdMappingTable, Action: ChangeAction.Delete })
                    .Select(c => new Dependency(c, Required: true)));
                break;
            case (ResourceKind.IdMappingTable, not ChangeAction.Delete):
                dependencies.AddRange(changes.Where(c => c is { Kind: ResourceKind.IdNamespaceAssociation, Action: not ChangeAction.Delete })
                    .Select(c => new Dependency(c, Required: true)));
                dependencies.AddRange(changes.Where(c => c is { Kind: ResourceKind.IdMappingTable, Action: ChangeAction.Delete })
                    .Select(c => new Dependency(c, Required: false)));
                break;
            case (ResourceKind.TableAssociation, ChangeAction.Delete):
                dependencies.AddRange(RulesOf(change, changes).Where(r => r.Action == ChangeAction.Delete).Select(r => new Dependency(r, Required: true)));
                break;
            case (ResourceKind.AnalysisRule, not ChangeAction.Delete):
                if (changes.FirstOrDefault(c => c.Address == change.Address.Parent) is { } association)
                    dependencies.Add(new(association, Required: true));
                break;
            case (ResourceKind.TableAssociation or ResourceKind.IdNamespaceAssociation, not ChangeAction.Delete):
                dependencies.AddRange(changes.Where(c => c.Kind == change.Kind && c.Action == ChangeAction.Delete)
                    .Select(c => new Dependency(c, Required: false)));
                break;
        }
        return dependencies;
    }

    private static IEnumerable<ResourceChange> RulesOf(ResourceChange association, IReadOnlyList<ResourceChange> changes) =>
        changes.Where(c => c.Kind == ResourceKind.AnalysisRule && c.Address.Parent == association.Address);
}
