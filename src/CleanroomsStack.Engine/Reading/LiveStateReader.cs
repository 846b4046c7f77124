using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Reads the live state of the memberships of the given collaborations: each membership's settings, its table
/// associations with their collaboration analysis rules, and its ID namespace associations. It starts from the
/// memberships the inventory listed, and with a read cache it gets only what changed since the cache was written.
/// </summary>
public sealed class LiveStateReader(ICleanRoomsApi api, int parallelism, IReadCache? cache = null)
{
    private readonly CachedGets gets = new(cache);

    /// <param name="memberships">The caller's memberships as ListMemberships returned them (every status).</param>
    public async Task<LiveState> ReadAsync(IReadOnlyList<MembershipSummary> memberships, IReadOnlySet<string> collaborationIds, CancellationToken ct)
    {
        var wanted = memberships.Where(m => collaborationIds.Contains(m.CollaborationId)).ToList();
        var states = await Bounded.SelectAsync(wanted, parallelism, m => ReadMembershipAsync(m, ct));
        return new LiveState(states.Values.OrderBy(m => m.CollaborationId, StringComparer.Ordinal).ThenBy(m => m.Id).ToList());
    }

    private async Task<MembershipState> ReadMembershipAsync(MembershipSummary summary, CancellationToken ct)
    {
        if (summary.Status != "ACTIVE")
        {
            // A removed membership has nothing left inside it that we could change; its status alone matters.
            return new MembershipState(summary.Id, summary.Arn, summary.CollaborationId, summary.CollaborationName,
                summary.Status, "", [], []);
        }
        // The summary lacks the log statuses and the result configuration.
        var membershipTask = gets.GetAsync(summary, () => api.GetMembershipAsync(summary.Id, ct));
        var associationsTask = ReadTableAssociationsAsync(summary.Id, summary.CollaborationId, ct);
        var idNamespacesTask = ReadIdNamespaceAssociationsAsync(summary.Id, ct);
        var mappingTablesTask = ReadIdMappingTablesAsync(summary.Id, ct);
        await Task.WhenAll(membershipTask, associationsTask, idNamespacesTask, mappingTablesTask);
        var m = membershipTask.Result;
        return new MembershipState(m.Id, m.Arn, m.CollaborationId, m.CollaborationName, m.Status, m.QueryLogStatus,
            associationsTask.Result, idNamespacesTask.Result, m.JobLogStatus,
            MembershipMapping.FromShape(m.DefaultResultConfiguration), MembershipMapping.FromShape(m.PaymentConfiguration),
            mappingTablesTask.Result);
    }

    private async Task<IReadOnlyList<TableAssociationState>> ReadTableAssociationsAsync(string membershipId, string collaborationId, CancellationToken ct)
    {
        var summaries = await api.ListConfiguredTableAssociationsAsync(membershipId, ct);
        var rules = await ReadRulesAsync(collaborationId, summaries, ct);
        var states = await Bounded.SelectAsync(summaries, parallelism, s => ReadTableAssociationAsync(membershipId, s, rules, ct));
        return states.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The collaboration analysis rules of every association in one BatchGetSchemaAnalysisRule call per 25 (the schema
    /// rule's collaborationPolicy is the association's rule), instead of one Get per rule. Keyed by (name, type).
    /// </summary>
    private async Task<Dictionary<(string Name, string Type), AnalysisRuleState>> ReadRulesAsync(
        string collaborationId, IReadOnlyList<ConfiguredTableAssociationSummary> associations, CancellationToken ct)
    {
        var requests = associations.SelectMany(a => (a.AnalysisRuleTypes ?? []).Select(t => new SchemaAnalysisRuleRequest(a.Name, t))).ToList();
        if (requests.Count == 0) return [];
        var batch = await api.BatchGetSchemaAnalysisRuleAsync(collaborationId, requests, ct);
        return batch.AnalysisRules
            .Where(r => r.CollaborationPolicy is not null)
            .GroupBy(r => (r.Name.ToLowerInvariant(), r.Type))
            .ToDictionary(g => g.Key, g => ToState(g.First().Type, g.First().CollaborationPolicy!));
    }

    private async Task<TableAssociationState> ReadTableAssociationAsync(string membershipId, ConfiguredTableAssociationSummary summary,
        IReadOnlyDictionary<(string Name, string Type), AnalysisRuleState> batched, CancellationToken ct)
    {
        // The summary lacks role and description; a Get returns them.
        var association = await gets.GetAsync(summary, () => api.GetConfiguredTableAssociationAsync(membershipId, summary.Id, ct));
        // The list is fresh even when the association came from the read cache.
        var ruleTypes = summary.AnalysisRuleTypes ?? association.AnalysisRuleTypes ?? [];
        var rules = new List<AnalysisRuleState>();
        foreach (var type in ruleTypes.Order(StringComparer.Ordinal))
        {
            // A rule the batch couldn't answer (an item error, a schema not visible yet) is read on its own.
            rules.Add(batched.TryGetValue((association.Name.ToLowerInvariant(), type), out var rule) ? rule
                : ToState(await api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, summary.Id, type, ct)));
        }
        return new TableAssociationState(association.Id, association.Arn, association.Name, association.ConfiguredTableId,
            association.RoleArn, association.Description, rules);
    }

    private static AnalysisRuleState ToState(ConfiguredTableAssociationAnalysisRule rule) => ToState(rule.Type, rule.Policy);

    private static AnalysisRuleState ToState(string type, AnalysisRulePolicy policy)
    {
        var v1 = policy.V1;
        var variant = v1.Custom ?? v1.List ?? v1.Aggregation ?? new AnalysisRulePolicyVariant();
        return new AnalysisRuleState(type, variant.AllowedResultReceivers ?? [], variant.AllowedAdditionalAnalyses ?? []);
    }

    private async Task<IReadOnlyList<IdMappingTableState>> ReadIdMappingTablesAsync(string membershipId, CancellationToken ct)
    {
        var summaries = await api.ListIdMappingTablesAsync(membershipId, ct);
        // kmsKeyArn is only in the full shape.
        var full = await Bounded.SelectAsync(summaries, parallelism, s => gets.GetAsync(s, () => api.GetIdMappingTableAsync(membershipId, s.Id, ct)));
        return full.Values
            .Select(t => new IdMappingTableState(t.Id, t.Arn, t.Name, t.InputReferenceConfig.InputReferenceArn,
                t.InputReferenceConfig.ManageResourcePolicies, t.Description, t.KmsKeyArn))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<IReadOnlyList<IdNamespaceAssociationState>> ReadIdNamespaceAssociationsAsync(string membershipId, CancellationToken ct)
    {
        var summaries = await api.ListIdNamespaceAssociationsAsync(membershipId, ct);
        // idMappingConfig is only in the full shape.
        var full = await Bounded.SelectAsync(summaries, parallelism, s => gets.GetAsync(s, () => api.GetIdNamespaceAssociationAsync(membershipId, s.Id, ct)));
        return full.Values
            .Select(a => new IdNamespaceAssociationState(a.Id, a.Arn, a.Name, a.InputReferenceConfig.InputReferenceArn,
                a.InputReferenceConfig.ManageResourcePolicies, a.Description, a.IdMappingConfig?.AllowUseAsDimensionColumn ?? false))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
    }
}
