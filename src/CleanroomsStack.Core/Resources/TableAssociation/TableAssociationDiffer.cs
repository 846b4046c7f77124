using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;

namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <summary>
/// Matches desired associations to live ones and decides, for each, create / update / replace / keep, plus the
/// rule underneath. Live associations the config no longer selects are deleted when their name is one the template
/// gives (we made them); anything else is reported as unmanaged and left alone.
/// </summary>
public static class TableAssociationDiffer
{
    public static KindDiff Diff(ResourceAddress membership, DesiredCollaboration collaboration, IReadOnlyList<TableAssociationSpec> desiredAssociations,
        IReadOnlyList<TableAssociationState> live, string? membershipId)
    {
        var templateNames = collaboration.TemplateNames ?? new HashSet<string>();
        var template = collaboration.AssociationNameTemplate;
        var remaining = live.ToList();
        var changes = new List<ResourceChange>();
        foreach (var desired in desiredAssociations.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var match = Take(remaining, l => l.ConfiguredTableId == desired.ConfiguredTableId && SameName(l.Name, desired.Name))
                ?? Take(remaining, l => l.ConfiguredTableId == desired.ConfiguredTableId)
                ?? Take(remaining, l => SameName(l.Name, desired.Name));
            // Adoption keeps an association of the right table under the name it already has.
            var adopted = collaboration.AdoptExistingNames && match is not null
                && match.ConfiguredTableId == desired.ConfiguredTableId && !SameName(match.Name, desired.Name);
            var spec = adopted ? desired with { Name = match!.Name } : desired;
            var change = match is null ? Create(membership, spec, membershipId) : Compare(membership, spec, match, membershipId, adopted);
            changes.Add(change);
            var associationId = change.Action == ChangeAction.Replace ? null : match?.Id;
            changes.AddRange(AnalysisRuleDiffer.Diff(change.Address, spec.Rule, match?.Rules ?? [], membershipId, associationId));
        }
        var unmanaged = new List<UnmanagedResource>();
        foreach (var orphan in remaining)
        {
            var address = membership.Child(TableAssociationKind.Instance, orphan.Name);
            if (templateNames.Contains(orphan.Name.ToLowerInvariant()))
                changes.AddRange(Delete(address, orphan, membershipId,
                    $"named by '{template}' but its table is no longer selected (tables.include/exclude/max)"));
            else
                unmanaged.Add(new UnmanagedResource(address,
                    $"its table is not selected and its name doesn't follow '{template}'; left as it is"));
        }
        var (ordered, diagnostics) = QuotaPlanning.Apply(TableAssociationKind.Instance, changes, live.Count, collaboration.Name,
            c => c is { Live: TableAssociationState old, Desired: TableAssociationSpec wanted }
                ? SameName(old.Name, wanted.Name) ? $"the new association reuses the name '{wanted.Name}'"
                // AWS associates a configured table to a membership once, so a renamed association can't sit beside the old one.
                : old.ConfiguredTableId == wanted.ConfiguredTableId ? $"a configured table can be associated to a membership only once"
                : null
                : null);
        return new KindDiff(ordered, unmanaged, diagnostics);
    }

    /// <summary>AWS returns association names lowercase, so names compare case-insensitively.</summary>
    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static TableAssociationState? Take(List<TableAssociationState> candidates, Func<TableAssociationState, bool> predicate)
    {
        var found = candidates.Where(predicate).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
        if (found is not null)
            candidates.Remove(found);
        return found;
    }

    private static ResourceChange Create(ResourceAddress membership, TableAssociationSpec spec, string? membershipId)
    {
        var diffs = new DiffBuilder(TableAssociationKind.Instance)
            .Set("name", spec.Name, creating: true)
            .Set("configuredTableIdentifier", spec.ConfiguredTableId, creating: true)
            .Set("roleArn", spec.RoleArn, creating: true)
            .Set("description", spec.Description, creating: true)
            .Set(TagPaths.All, AttributeValue.Of(spec.Tags), creating: true);
        return new ResourceChange(membership.Child(TableAssociationKind.Instance, spec.Name), ChangeAction.Create,
            $"table '{spec.TableName}' is selected and not associated yet", diffs.Diffs, membershipId, Desired: spec);
    }

    private static ResourceChange Compare(ResourceAddress membership, TableAssociationSpec spec, TableAssociationState live, string? membershipId,
        bool adopted)
    {
        var diffs = new DiffBuilder(TableAssociationKind.Instance)
            .Compare("name", SameName(live.Name, spec.Name) ? spec.Name : live.Name, spec.Name)
            .Compare("configuredTableIdentifier", live.ConfiguredTableId, spec.ConfiguredTableId)
            .Compare("roleArn", live.RoleArn, spec.RoleArn)
            .CompareOptional("description", live.Description, spec.Description)
            .CompareTags(live.Tags, spec.Tags);
        var reason = diffs.Action switch
        {
            ChangeAction.Replace when live.ConfiguredTableId != spec.ConfiguredTableId =>
                $"the association named '{live.Name}' is for another configured table; an association's table can't be changed in place",
            ChangeAction.Replace => $"table '{spec.TableName}' is associated as '{live.Name}'; an association's name can't be changed in place",
            ChangeAction.Update when TagPaths.OnlyTags(diffs.Diffs) => Membership.MembershipDiffer.TagReason,
            ChangeAction.Update => "role, description or tags differ from the config",
            _ => "association matches the config",
        };
        if (adopted)
            reason += " (adopted under its existing name: adoptExistingNames)";
        return new ResourceChange(membership.Child(TableAssociationKind.Instance, spec.Name), diffs.Action, reason, diffs.Diffs,
            membershipId, live.Id, Desired: spec, Live: live);
    }

    /// <summary>Deletes the association and, before it, its rules.</summary>
    public static IEnumerable<ResourceChange> Delete(ResourceAddress address, TableAssociationState live, string? membershipId, string reason)
    {
        var diffs = new DiffBuilder(TableAssociationKind.Instance)
            .Set("name", live.Name, creating: false)
            .Set("configuredTableIdentifier", live.ConfiguredTableId, creating: false)
            .Set("roleArn", live.RoleArn, creating: false)
            .Set("description", live.Description, creating: false);
        yield return new ResourceChange(address, ChangeAction.Delete, reason, diffs.Diffs, membershipId, live.Id, Live: live);
        foreach (var rule in live.Rules)
            yield return AnalysisRuleDiffer.Delete(address, rule, membershipId, live.Id, "its association is deleted");
    }
}
