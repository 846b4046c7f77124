using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Resources.AnalysisRule;

/// <summary>
/// The collaboration analysis rule on one association. AWS allows one rule per type and can't change a rule's
/// type, so a rule of another type is deleted and the desired type created; same-type rules are updated in place.
/// </summary>
public static class AnalysisRuleDiffer
{
    /// <param name="associationId">Null when the association itself is created or replaced by this plan.</param>
    public static IEnumerable<ResourceChange> Diff(ResourceAddress association, AnalysisRuleSpec desired,
        IReadOnlyList<AnalysisRuleState> live, string? membershipId, string? associationId)
    {
        var sameType = associationId is null ? null : live.FirstOrDefault(r => r.Type == desired.Type);
        yield return sameType is null
            ? Create(association, desired, membershipId, associationId)
            : Update(association, desired, sameType, membershipId, associationId);
        if (associationId is null)
            yield break;
        foreach (var other in live.Where(r => r.Type != desired.Type))
            yield return Delete(association, other, membershipId, associationId, $"the config asks for a {desired.Type} rule; a rule's type can't be changed");
    }

    /// <summary>Rules of an association that is being deleted go first, so the association can be removed.</summary>
    public static ResourceChange Delete(ResourceAddress association, AnalysisRuleState live, string? membershipId, string? associationId, string reason)
    {
        var diffs = Attributes(live.Type, live.AllowedResultReceivers, live.AllowedAdditionalAnalyses, creating: false);
        return new ResourceChange(association.Child(AnalysisRuleKind.Instance, live.Type), ChangeAction.Delete, reason,
            diffs.Diffs, membershipId, associationId, associationId, Live: live);
    }

    private static ResourceChange Create(ResourceAddress association, AnalysisRuleSpec desired, string? membershipId, string? associationId)
    {
        var diffs = Attributes(desired.Type, desired.AllowedResultReceivers, desired.AllowedAdditionalAnalyses, creating: true);
        var reason = associationId is null ? "every association gets the configured rule" : $"the association has no {desired.Type} rule";
        return new ResourceChange(association.Child(AnalysisRuleKind.Instance, desired.Type), ChangeAction.Create, reason,
            diffs.Diffs, membershipId, associationId, associationId, Desired: desired);
    }

    private static ResourceChange Update(ResourceAddress association, AnalysisRuleSpec desired, AnalysisRuleState live, string? membershipId, string? associationId)
    {
        var prefix = PolicyPath(desired.Type);
        var diffs = new DiffBuilder(AnalysisRuleKind.Instance)
            .Compare($"{prefix}.allowedResultReceivers", AttributeValue.Set(live.AllowedResultReceivers), AttributeValue.Set(desired.AllowedResultReceivers))
            .Compare($"{prefix}.allowedAdditionalAnalyses", AttributeValue.Set(live.AllowedAdditionalAnalyses), AttributeValue.Set(desired.AllowedAdditionalAnalyses));
        var reason = diffs.Action == ChangeAction.NoOp ? "rule matches the config" : "the rule's policy differs from the config";
        return new ResourceChange(association.Child(AnalysisRuleKind.Instance, desired.Type), diffs.Action, reason,
            diffs.Diffs, membershipId, associationId, associationId, Desired: desired, Live: live);
    }

    private static DiffBuilder Attributes(string type, IReadOnlyList<string> receivers, IReadOnlyList<string> analyses, bool creating) =>
        new DiffBuilder(AnalysisRuleKind.Instance)
            .Set("analysisRuleType", type, creating)
            .Set($"{PolicyPath(type)}.allowedResultReceivers", AttributeValue.Set(receivers), creating)
            .Set($"{PolicyPath(type)}.allowedAdditionalAnalyses", AttributeValue.Set(analyses), creating);

    /// <summary>The policy union member in the request shape, e.g. <c>analysisRulePolicy.v1.custom</c>.</summary>
    public static string PolicyPath(string type) => $"analysisRulePolicy.v1.{type.ToLowerInvariant()}";
}
