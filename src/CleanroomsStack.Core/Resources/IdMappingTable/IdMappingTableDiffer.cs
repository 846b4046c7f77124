using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Resources.IdMappingTable;

/// <summary>
/// ID mapping tables are matched by name (compared case-insensitively, like association names). Description and KMS key
/// update in place (UpdateIdMappingTable); the name, workflow ARN and manageResourcePolicies force a replacement.
/// Live tables the config doesn't list are unmanaged.
/// </summary>
public static class IdMappingTableDiffer
{
    public static KindDiff Diff(ResourceAddress membership, string collaborationName, IReadOnlyList<IdMappingTableSpec> desired,
        IReadOnlyList<IdMappingTableState> live, string? membershipId)
    {
        var remaining = live.ToList();
        var changes = new List<ResourceChange>();
        foreach (var spec in desired.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var match = remaining.FirstOrDefault(l => string.Equals(l.Name, spec.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
                remaining.Remove(match);
            changes.Add(match is null ? Create(membership, spec, membershipId) : Compare(membership, spec, match, membershipId));
        }
        var unmanaged = remaining
            .Select(l => new UnmanagedResource(membership.Child(ResourceKind.IdMappingTable, l.Name), "not listed in idMappingTables; left as it is"))
            .ToList();
        var (ordered, diagnostics) = QuotaPlanning.Apply(ResourceKind.IdMappingTable, changes, live.Count, collaborationName,
            c => $"the new table reuses the name '{c.Address.Name}'",
            (c, order, reason) => ((IdMappingTableChange)c) with { Order = order, Reason = reason });
        return new KindDiff(ordered, unmanaged, diagnostics);
    }

    public static IdMappingTableChange Delete(ResourceAddress membership, IdMappingTableState live, string? membershipId, string reason)
    {
        var diffs = new DiffBuilder(ResourceKind.IdMappingTable)
            .Set("name", live.Name, creating: false)
            .Set("inputReferenceConfig.inputReferenceArn", live.InputReferenceArn, creating: false);
        return new IdMappingTableChange(membership.Child(ResourceKind.IdMappingTable, live.Name), ChangeAction.Delete, reason, diffs.Diffs,
            membershipId, null, live);
    }

    private static IdMappingTableChange Create(ResourceAddress membership, IdMappingTableSpec spec, string? membershipId)
    {
        var diffs = new DiffBuilder(ResourceKind.IdMappingTable)
            .Set("name", spec.Name, creating: true)
            .Set("inputReferenceConfig.inputReferenceArn", spec.InputReferenceArn, creating: true)
            .Set("inputReferenceConfig.manageResourcePolicies", DiffBuilder.Render(spec.ManageResourcePolicies), creating: true)
            .Set("description", spec.Description, creating: true)
            .Set("kmsKeyArn", spec.KmsKeyArn, creating: true)
            .Set("tags", DiffBuilder.Render(spec.Tags), creating: true);
        return new IdMappingTableChange(membership.Child(ResourceKind.IdMappingTable, spec.Name), ChangeAction.Create,
            "the ID mapping table doesn't exist yet", diffs.Diffs, membershipId, spec, null);
    }

    private static IdMappingTableChange Compare(ResourceAddress membership, IdMappingTableSpec spec, IdMappingTableState live, string? membershipId)
    {
        var diffs = new DiffBuilder(ResourceKind.IdMappingTable)
            .Compare("inputReferenceConfig.inputReferenceArn", live.InputReferenceArn, spec.InputReferenceArn)
            .Compare("inputReferenceConfig.manageResourcePolicies", DiffBuilder.Render(live.ManageResourcePolicies), DiffBuilder.Render(spec.ManageResourcePolicies))
            .CompareOptional("description", live.Description, spec.Description)
            .CompareOptional("kmsKeyArn", live.KmsKeyArn, spec.KmsKeyArn);
        var reason = diffs.Action switch
        {
            ChangeAction.Replace => "the workflow ARN or manageResourcePolicies changed; neither can be updated in place",
            ChangeAction.Update => "description or KMS key differ from the config",
            _ => "ID mapping table matches the config",
        };
        return new IdMappingTableChange(membership.Child(ResourceKind.IdMappingTable, spec.Name), diffs.Action, reason, diffs.Diffs,
            membershipId, spec, live);
    }
}
