using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

/// <summary>
/// ID namespace associations are matched by the namespace ARN they point at (then by name, for a changed ARN).
/// Name, description and idMappingConfig update in place; the ARN and manageResourcePolicies force a replacement.
/// Live associations the config doesn't list are unmanaged.
/// </summary>
public static class IdNamespaceAssociationDiffer
{
    public static KindDiff Diff(ResourceAddress membership, string collaborationName, IReadOnlyList<IdNamespaceAssociationSpec> desired,
        IReadOnlyList<IdNamespaceAssociationState> live, string? membershipId)
    {
        var remaining = live.ToList();
        var changes = new List<ResourceChange>();
        foreach (var spec in desired.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var match = remaining.FirstOrDefault(l => l.InputReferenceArn == spec.InputReferenceArn)
                ?? remaining.FirstOrDefault(l => l.Name == spec.Name);
            if (match is not null)
                remaining.Remove(match);
            changes.Add(match is null ? Create(membership, spec, membershipId) : Compare(membership, spec, match, membershipId));
        }
        var unmanaged = remaining
            .Select(l => new UnmanagedResource(membership.Child(ResourceKind.IdNamespaceAssociation, l.Name),
                $"{l.InputReferenceArn} is not listed in idNamespaceAssociations; left as it is"))
            .ToList();
        // The replacement keeps the name or the namespace ARN of the old one, and neither may exist twice.
        var (ordered, diagnostics) = QuotaPlanning.Apply(ResourceKind.IdNamespaceAssociation, changes, live.Count, collaborationName,
            _ => "the new association would share its name or namespace with the old one",
            (c, order, reason) => ((IdNamespaceAssociationChange)c) with { Order = order, Reason = reason });
        return new KindDiff(ordered, unmanaged, diagnostics);
    }

    public static IdNamespaceAssociationChange Delete(ResourceAddress membership, IdNamespaceAssociationState live, string? membershipId, string reason)
    {
        var diffs = new DiffBuilder(ResourceKind.IdNamespaceAssociation)
            .Set("name", live.Name, creating: false)
            .Set("inputReferenceConfig.inputReferenceArn", live.InputReferenceArn, creating: false);
        return new IdNamespaceAssociationChange(membership.Child(ResourceKind.IdNamespaceAssociation, live.Name), ChangeAction.Delete, reason,
            diffs.Diffs, membershipId, null, live);
    }

    private static IdNamespaceAssociationChange Create(ResourceAddress membership, IdNamespaceAssociationSpec spec, string? membershipId)
    {
        var diffs = new DiffBuilder(ResourceKind.IdNamespaceAssociation)
            .Set("name", spec.Name, creating: true)
            .Set("inputReferenceConfig.inputReferenceArn", spec.InputReferenceArn, creating: true)
            .Set("inputReferenceConfig.manageResourcePolicies", DiffBuilder.Render(spec.ManageResourcePolicies), creating: true)
            .Set("description", spec.Description, creating: true)
            .Set("idMappingConfig.allowUseAsDimensionColumn", DiffBuilder.Render(spec.AllowUseAsDimensionColumn), creating: true)
            .Set("tags", DiffBuilder.Render(spec.Tags), creating: true);
        return new IdNamespaceAssociationChange(membership.Child(ResourceKind.IdNamespaceAssociation, spec.Name), ChangeAction.Create,
            "the ID namespace is not associated yet", diffs.Diffs, membershipId, spec, null);
    }

    private static IdNamespaceAssociationChange Compare(ResourceAddress membership, IdNamespaceAssociationSpec spec, IdNamespaceAssociationState live, string? membershipId)
    {
        var diffs = new DiffBuilder(ResourceKind.IdNamespaceAssociation)
            .Compare("name", live.Name, spec.Name)
            .Compare("inputReferenceConfig.inputReferenceArn", live.InputReferenceArn, spec.InputReferenceArn)
            .Compare("inputReferenceConfig.manageResourcePolicies", DiffBuilder.Render(live.ManageResourcePolicies), DiffBuilder.Render(spec.ManageResourcePolicies))
            .CompareOptional("description", live.Description, spec.Description)
            .Compare("idMappingConfig.allowUseAsDimensionColumn", DiffBuilder.Render(live.AllowUseAsDimensionColumn), DiffBuilder.Render(spec.AllowUseAsDimensionColumn));
        var reason = diffs.Action switch
        {
            ChangeAction.Replace => "the namespace ARN or manageResourcePolicies changed; neither can be updated in place",
            ChangeAction.Update => "name, description or idMappingConfig differ from the config",
            _ => "ID namespace association matches the config",
        };
        return new IdNamespaceAssociationChange(membership.Child(ResourceKind.IdNamespaceAssociation, spec.Name), diffs.Action, reason,
            diffs.Diffs, membershipId, spec, live);
    }
}
