using System.Text.Json.Serialization;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Wire;

// restJson1 output structures: each wraps the resource (or page) in one named member.

// Output structures that wrap one resource; the member is nullable so a response without it reads as malformed.
internal sealed record CollaborationEnvelope(Collaboration? Collaboration);
internal sealed record MembershipEnvelope(Membership? Membership);
internal sealed record ConfiguredTableAssociationEnvelope(ConfiguredTableAssociation? ConfiguredTableAssociation);
internal sealed record AnalysisRuleEnvelope(ConfiguredTableAssociationAnalysisRule? AnalysisRule);
internal sealed record IdNamespaceAssociationEnvelope(IdNamespaceAssociation? IdNamespaceAssociation);

/// <summary>ListTagsForResource: the tags member is required, possibly empty.</summary>
internal sealed record TagsOutput(IReadOnlyDictionary<string, string> Tags);

/// <summary>A page of a list operation; <see cref="Items"/> picks the member that holds the items.</summary>
internal interface IPage<out T>
{
    IReadOnlyList<T>? Items { get; }
    string? NextToken { get; }
}

internal sealed record CollaborationPage(IReadOnlyList<CollaborationSummary>? CollaborationList, string? NextToken) : IPage<CollaborationSummary>
{
    [JsonIgnore]
    public IReadOnlyList<CollaborationSummary>? Items => CollaborationList;
}

internal sealed record MemberPage(IReadOnlyList<MemberSummary>? MemberSummaries, string? NextToken) : IPage<MemberSummary>
{
    [JsonIgnore]
    public IReadOnlyList<MemberSummary>? Items => MemberSummaries;
}

internal sealed record ConfiguredTablePage(IReadOnlyList<ConfiguredTableSummary>? ConfiguredTableSummaries, string? NextToken) : IPage<ConfiguredTableSummary>
{
    [JsonIgnore]
    public IReadOnlyList<ConfiguredTableSummary>? Items => ConfiguredTableSummaries;
}

internal sealed record MembershipPage(IReadOnlyList<MembershipSummary>? MembershipSummaries, string? NextToken) : IPage<MembershipSummary>
{
    [JsonIgnore]
    public IReadOnlyList<MembershipSummary>? Items => MembershipSummaries;
}

internal sealed record ConfiguredTableAssociationPage(
    IReadOnlyList<ConfiguredTableAssociationSummary>? ConfiguredTableAssociationSummaries, string? NextToken) : IPage<ConfiguredTableAssociationSummary>
{
    [JsonIgnore]
    public IReadOnlyList<ConfiguredTableAssociationSummary>? Items => ConfiguredTableAssociationSummaries;
}

internal sealed record IdNamespaceAssociationPage(
    IReadOnlyList<IdNamespaceAssociationSummary>? IdNamespaceAssociationSummaries, string? NextToken) : IPage<IdNamespaceAssociationSummary>
{
    [JsonIgnore]
    public IReadOnlyList<IdNamespaceAssociationSummary>? Items => IdNamespaceAssociationSummaries;
}

internal sealed record IdMappingTableEnvelope(IdMappingTable? IdMappingTable);

internal sealed record IdMappingTablePage(IReadOnlyList<IdMappingTableSummary>? IdMappingTableSummaries, string? NextToken) : IPage<IdMappingTableSummary>
{
    [JsonIgnore]
    public IReadOnlyList<IdMappingTableSummary>? Items => IdMappingTableSummaries;
}

internal sealed record AnalysisTemplateEnvelope(AnalysisTemplate? AnalysisTemplate);

internal sealed record AnalysisTemplatePage(
    IReadOnlyList<AnalysisTemplateSummary>? AnalysisTemplateSummaries, string? NextToken) : IPage<AnalysisTemplateSummary>
{
    [JsonIgnore]
    public IReadOnlyList<AnalysisTemplateSummary>? Items => AnalysisTemplateSummaries;
}

internal sealed record PrivacyBudgetTemplatePage(
    IReadOnlyList<PrivacyBudgetTemplateSummary>? PrivacyBudgetTemplateSummaries, string? NextToken) : IPage<PrivacyBudgetTemplateSummary>
{
    [JsonIgnore]
    public IReadOnlyList<PrivacyBudgetTemplateSummary>? Items => PrivacyBudgetTemplateSummaries;
}

internal sealed record ConfiguredAudienceModelAssociationPage(
    IReadOnlyList<ConfiguredAudienceModelAssociationSummary>? ConfiguredAudienceModelAssociationSummaries, string? NextToken)
    : IPage<ConfiguredAudienceModelAssociationSummary>
{
    [JsonIgnore]
    public IReadOnlyList<ConfiguredAudienceModelAssociationSummary>? Items => ConfiguredAudienceModelAssociationSummaries;
}

/// <summary>The modeled members of every restJson1 error body (all optional; unknown ones ignored).</summary>
internal sealed record ErrorBody(
    string? Message, string? Reason, string? ResourceId, string? ResourceType,
    IReadOnlyList<FieldProblem>? FieldList, string? QuotaName, double? QuotaValue);
