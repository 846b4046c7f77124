using System.Text.Json.Serialization;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Wire;

// restJson1 output structures: each wraps the resource (or page) in one named member.

/// <summary>An output structure with one required member; a response without it is malformed.</summary>
internal interface IEnvelope<out T>
{
    T? Value { get; }
}

internal sealed record CollaborationEnvelope(Collaboration? Collaboration) : IEnvelope<Collaboration>
{
    [JsonIgnore]
    public Collaboration? Value => Collaboration;
}

internal sealed record MembershipEnvelope(Membership? Membership) : IEnvelope<Membership>
{
    [JsonIgnore]
    public Membership? Value => Membership;
}

internal sealed record ConfiguredTableAssociationEnvelope(ConfiguredTableAssociation? ConfiguredTableAssociation) : IEnvelope<ConfiguredTableAssociation>
{
    [JsonIgnore]
    public ConfiguredTableAssociation? Value => ConfiguredTableAssociation;
}

internal sealed record AnalysisRuleEnvelope(ConfiguredTableAssociationAnalysisRule? AnalysisRule) : IEnvelope<ConfiguredTableAssociationAnalysisRule>
{
    [JsonIgnore]
    public ConfiguredTableAssociationAnalysisRule? Value => AnalysisRule;
}

internal sealed record IdNamespaceAssociationEnvelope(IdNamespaceAssociation? IdNamespaceAssociation) : IEnvelope<IdNamespaceAssociation>
{
    [JsonIgnore]
    public IdNamespaceAssociation? Value => IdNamespaceAssociation;
}

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

/// <summary>The modeled members of every restJson1 error body (all optional; unknown ones ignored).</summary>
internal sealed record ErrorBody(
    string? Message, string? Reason, string? ResourceId, string? ResourceType,
    IReadOnlyList<FieldProblem>? FieldList, string? QuotaName, double? QuotaValue);
