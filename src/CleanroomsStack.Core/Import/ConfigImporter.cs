using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Import;

/// <summary>
/// Writes a collaborations.yaml that describes the live account as it is (active memberships with their associations,
/// rules and whatever else each kind imports), so a team adopts the tool in one step and the next preview shows no changes.
/// Settings most memberships share go into <c>defaults</c>; a collaboration only lists what differs.
/// </summary>
public static class ConfigImporter
{
    public static string ToYaml(Inventory.Inventory inventory, LiveState live)
    {
        var collaborations = live.Memberships
            .Where(m => m.IsActive)
            .Select(m => Describe(m, inventory))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return ImportYamlWriter.Write(inventory.Region, collaborations);
    }

    private static ImportedCollaboration Describe(MembershipState m, Inventory.Inventory inventory)
    {
        var tableNames = inventory.ConfiguredTables.ToDictionary(t => t.Id, t => t.Name);
        var associations = TableAssociationKind.Instance.States(m).Where(a => tableNames.ContainsKey(a.ConfiguredTableId)).ToList();
        var names = associations.Select(a => tableNames[a.ConfiguredTableId]).Order(StringComparer.Ordinal).ToList();
        var prefixes = associations.Select(a => TemplatePrefix(a.Name, tableNames[a.ConfiguredTableId])).ToList();
        var prefix = MostCommon(prefixes.Where(p => p is not null).Select(p => p!)) ?? "";
        var adopt = prefixes.Any(p => p != prefix);

        var role = MostCommon(associations.Select(a => RoleSetting(a.RoleArn, inventory.Caller.AccountId))) ?? "";
        var description = MostCommon(associations.Select(a => a.Description ?? ""));
        var rules = associations.SelectMany(a => a.Rules).ToList();
        var type = MostCommon(rules.Select(r => r.Type)) ?? "CUSTOM";
        var rule = rules.FirstOrDefault(r => r.Type == type);
        var collaboration = inventory.Collaborations.FirstOrDefault(c => c.Id == m.CollaborationId);
        var receivers = rule?.AllowedResultReceivers.Order(StringComparer.Ordinal).ToList() ?? [];
        var auto = collaboration is not null
            && receivers.SequenceEqual(ResultReceiverResolver.Eligible(collaboration, inventory.Caller.AccountId));

        return new ImportedCollaboration(m.CollaborationId, collaboration?.Name ?? m.CollaborationName,
            new ImportedMembership(m.QueryLogStatus, m.JobLogStatus, m.DefaultResultConfiguration),
            new ImportedTables(string.Join('\n', names)),
            new ImportedAssociation(prefix + "{table}", role, string.IsNullOrEmpty(description) ? null : description),
            new ImportedRule(type, auto ? null : string.Join(',', receivers), string.Join(',', rule?.AllowedAdditionalAnalyses ?? [])),
            ResourceKinds.InMembership.SelectMany(k => k.Import(m, inventory)).ToList(),
            adopt);
    }

    /// <summary>"acx_" for an association named "acx_part_age" of table "part_age"; null when the name isn't prefix + table.</summary>
    private static string? TemplatePrefix(string associationName, string tableName)
    {
        var table = tableName.ToLowerInvariant();
        return associationName.EndsWith(table, StringComparison.Ordinal) ? associationName[..^table.Length] : null;
    }

    /// <summary>A role in the caller's own account is written by name, as people write it; any other as its ARN.</summary>
    private static string RoleSetting(string roleArn, string callerAccount)
    {
        var own = $"arn:aws:iam::{callerAccount}:role/";
        return roleArn.StartsWith(own, StringComparison.Ordinal) && !roleArn[own.Length..].Contains('/') ? roleArn[own.Length..] : roleArn;
    }

    internal static T? MostCommon<T>(IEnumerable<T> values) where T : notnull =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
}
