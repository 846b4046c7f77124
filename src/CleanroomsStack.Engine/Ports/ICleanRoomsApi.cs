using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Ports;

/// <summary>
/// The one port through which the engine reaches AWS (STS caller identity, Clean Rooms, Entity Resolution).
/// One instance speaks to one account in one region. List methods return every page.
/// Failures surface as <see cref="AwsApiException"/> with an <see cref="AwsErrorKind"/> that says what to do next.
/// </summary>
public interface ICleanRoomsApi : ICollaborationSchemaApi
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct);

    // Collaborations and invitations
    Task<IReadOnlyList<CollaborationSummary>> ListCollaborationsAsync(string? memberStatus, CancellationToken ct);
    Task<Collaboration> GetCollaborationAsync(string collaborationId, CancellationToken ct);
    Task<IReadOnlyList<MemberSummary>> ListMembersAsync(string collaborationId, CancellationToken ct);
    Task<IReadOnlyList<ConfiguredTableSummary>> ListConfiguredTablesAsync(CancellationToken ct);

    // Memberships
    Task<IReadOnlyList<MembershipSummary>> ListMembershipsAsync(string? status, CancellationToken ct);
    Task<Membership> GetMembershipAsync(string membershipId, CancellationToken ct);
    Task<Membership> CreateMembershipAsync(CreateMembershipRequest request, CancellationToken ct);
    Task<Membership> UpdateMembershipAsync(UpdateMembershipRequest request, CancellationToken ct);
    Task DeleteMembershipAsync(string membershipId, CancellationToken ct);

    // Configured table associations
    Task<IReadOnlyList<ConfiguredTableAssociationSummary>> ListConfiguredTableAssociationsAsync(string membershipId, CancellationToken ct);
    Task<ConfiguredTableAssociation> GetConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct);
    Task<ConfiguredTableAssociation> CreateConfiguredTableAssociationAsync(CreateConfiguredTableAssociationRequest request, CancellationToken ct);
    Task<ConfiguredTableAssociation> UpdateConfiguredTableAssociationAsync(UpdateConfiguredTableAssociationRequest request, CancellationToken ct);
    Task DeleteConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct);

    // Collaboration analysis rules on associations
    Task<ConfiguredTableAssociationAnalysisRule> GetConfiguredTableAssociationAnalysisRuleAsync(string membershipId, string associationId, string ruleType, CancellationToken ct);
    Task<ConfiguredTableAssociationAnalysisRule> CreateConfiguredTableAssociationAnalysisRuleAsync(CreateAnalysisRuleRequest request, CancellationToken ct);
    Task<ConfiguredTableAssociationAnalysisRule> UpdateConfiguredTableAssociationAnalysisRuleAsync(UpdateAnalysisRuleRequest request, CancellationToken ct);
    Task DeleteConfiguredTableAssociationAnalysisRuleAsync(string membershipId, string associationId, string ruleType, CancellationToken ct);

    // ID namespace associations
    Task<IReadOnlyList<IdNamespaceAssociationSummary>> ListIdNamespaceAssociationsAsync(string membershipId, CancellationToken ct);
    Task<IdNamespaceAssociation> GetIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct);
    Task<IdNamespaceAssociation> CreateIdNamespaceAssociationAsync(CreateIdNamespaceAssociationRequest request, CancellationToken ct);
    Task<IdNamespaceAssociation> UpdateIdNamespaceAssociationAsync(UpdateIdNamespaceAssociationRequest request, CancellationToken ct);
    Task DeleteIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct);

    // ID mapping tables
    Task<IReadOnlyList<IdMappingTableSummary>> ListIdMappingTablesAsync(string membershipId, CancellationToken ct);
    Task<IdMappingTable> GetIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct);
    Task<IdMappingTable> CreateIdMappingTableAsync(CreateIdMappingTableRequest request, CancellationToken ct);
    Task<IdMappingTable> UpdateIdMappingTableAsync(UpdateIdMappingTableRequest request, CancellationToken ct);
    Task DeleteIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct);

    // Analysis templates
    Task<IReadOnlyList<AnalysisTemplateSummary>> ListAnalysisTemplatesAsync(string membershipId, CancellationToken ct);
    Task<AnalysisTemplate> GetAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct);
    Task<AnalysisTemplate> CreateAnalysisTemplateAsync(CreateAnalysisTemplateRequest request, CancellationToken ct);
    Task<AnalysisTemplate> UpdateAnalysisTemplateAsync(UpdateAnalysisTemplateRequest request, CancellationToken ct);
    Task DeleteAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct);

    // Kinds the tool doesn't manage, listed only to find what would block leaving a membership
    Task<IReadOnlyList<PrivacyBudgetTemplateSummary>> ListPrivacyBudgetTemplatesAsync(string membershipId, CancellationToken ct);
    Task<IReadOnlyList<ConfiguredAudienceModelAssociationSummary>> ListConfiguredAudienceModelAssociationsAsync(string membershipId, CancellationToken ct);
    // Tags, by resource ARN: no Get returns them. Tag adds or overwrites the keys given; Untag removes the keys given.
    Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken ct);
    Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken ct);
    Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken ct);

    // Entity Resolution
    Task<IdNamespace> GetIdNamespaceAsync(string nameOrArn, CancellationToken ct);
}
