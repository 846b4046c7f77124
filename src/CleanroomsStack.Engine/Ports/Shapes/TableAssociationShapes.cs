using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Engine.Ports.Shapes;

public sealed record ConfiguredTableAssociation(
    string Arn, string Id, string ConfiguredTableId, string ConfiguredTableArn, string MembershipId, string MembershipArn,
    string RoleArn, string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    string? Description = null, IReadOnlyList<AnalysisRuleType>? AnalysisRuleTypes = null) : IVersionedResource;

public sealed record ConfiguredTableAssociationSummary(
    string Arn, string Id, string ConfiguredTableId, string MembershipId, string MembershipArn, string Name,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, IReadOnlyList<AnalysisRuleType>? AnalysisRuleTypes = null) : IVersionedResource;

public sealed record CreateConfiguredTableAssociationRequest(
    string MembershipIdentifier, string Name, string ConfiguredTableIdentifier, string RoleArn,
    string? Description = null, IReadOnlyDictionary<string, string>? Tags = null);

public sealed record UpdateConfiguredTableAssociationRequest(
    string MembershipIdentifier, string ConfiguredTableAssociationIdentifier, string? Description = null, string? RoleArn = null);

/// <summary>One variant of the collaboration analysis rule policy (list, aggregation or custom).</summary>
public sealed record AnalysisRulePolicyVariant(
    IReadOnlyList<string>? AllowedResultReceivers = null, IReadOnlyList<string>? AllowedAdditionalAnalyses = null);

/// <summary>The V1 union: exactly one member is set, and it matches the rule type.</summary>
public sealed record AnalysisRulePolicyV1(
    AnalysisRulePolicyVariant? List = null, AnalysisRulePolicyVariant? Aggregation = null, AnalysisRulePolicyVariant? Custom = null);

public sealed record AnalysisRulePolicy(AnalysisRulePolicyV1 V1);

public sealed record ConfiguredTableAssociationAnalysisRule(
    string MembershipIdentifier, string ConfiguredTableAssociationId, string ConfiguredTableAssociationArn,
    AnalysisRulePolicy Policy, AnalysisRuleType Type, DateTimeOffset CreateTime, DateTimeOffset UpdateTime);

public sealed record CreateAnalysisRuleRequest(
    string MembershipIdentifier, string ConfiguredTableAssociationIdentifier, string AnalysisRuleType, AnalysisRulePolicy AnalysisRulePolicy);

public sealed record UpdateAnalysisRuleRequest(
    string MembershipIdentifier, string ConfiguredTableAssociationIdentifier, string AnalysisRuleType, AnalysisRulePolicy AnalysisRulePolicy);
