using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.AnalysisRule;

/// <summary>Reading the collaboration analysis rules of a membership's associations.</summary>
internal static class AnalysisRuleReads
{
    /// <summary>
    /// The rules of every association in one BatchGetSchemaAnalysisRule call per 25 (the schema rule's
    /// collaborationPolicy is the association's rule), instead of one Get per rule. Keyed by (lowercase name, type).
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Name, string Type), AnalysisRuleState>> BatchAsync(
        ICleanRoomsApi api, string collaborationId, IReadOnlyList<ConfiguredTableAssociationSummary> associations, CancellationToken ct)
    {
        var requests = associations.SelectMany(a => (a.AnalysisRuleTypes ?? []).Select(t => new SchemaAnalysisRuleRequest(a.Name, t.Value))).ToList();
        if (requests.Count == 0) return new Dictionary<(string, string), AnalysisRuleState>();
        var batch = await api.BatchGetSchemaAnalysisRuleAsync(collaborationId, requests, ct);
        return batch.AnalysisRules
            .Where(r => r.CollaborationPolicy is not null)
            .GroupBy(r => (r.Name.ToLowerInvariant(), r.Type))
            .ToDictionary(g => g.Key, g => ToState(g.First().Type, g.First().CollaborationPolicy!));
    }

    /// <summary>One association's rules: from the batch, or (what the batch couldn't answer: an item error, a schema not visible yet) one Get each.</summary>
    public static async Task<IReadOnlyList<AnalysisRuleState>> OfAssociationAsync(ICleanRoomsApi api, string membershipId, string associationId,
        string associationName, IReadOnlyList<string> types, IReadOnlyDictionary<(string Name, string Type), AnalysisRuleState> batched, CancellationToken ct)
    {
        var rules = new List<AnalysisRuleState>();
        foreach (var type in types.Order(StringComparer.Ordinal))
        {
            rules.Add(batched.TryGetValue((associationName.ToLowerInvariant(), type), out var rule) ? rule
                : ToState(await api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, type, ct)));
        }
        return rules;
    }

    public static AnalysisRuleState ToState(ConfiguredTableAssociationAnalysisRule rule) => ToState(rule.Type.Value, rule.Policy);

    private static AnalysisRuleState ToState(string type, AnalysisRulePolicy policy)
    {
        var variant = Variant(policy);
        return new AnalysisRuleState(type, variant.AllowedResultReceivers ?? [], variant.AllowedAdditionalAnalyses ?? []);
    }

    /// <summary>The one variant of the policy union that is set.</summary>
    public static AnalysisRulePolicyVariant Variant(AnalysisRulePolicy policy) =>
        policy.V1.Custom ?? policy.V1.List ?? policy.V1.Aggregation ?? new AnalysisRulePolicyVariant();
}
