using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Schemas;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using static CleanroomsStack.Aws.Wire.RestUri;

namespace CleanroomsStack.Aws;

/// <summary>
/// <see cref="ICleanRoomsApi"/> (and <see cref="ICollaborationSchemaApi"/>) over HTTP: one method per AWS operation,
/// each just the operation's URI, body and response member (facts §3, §5, §7, §10). Transport concerns (signing,
/// retries, rate limits, error mapping) live in <see cref="AwsCallExecutor"/>.
/// </summary>
internal sealed class CleanRoomsClient(AwsCallExecutor executor, IDisposable transport) : ICleanRoomsApi, IDisposable
{
    private const string PageSize = RestJsonChannel.MaxPageSize;

    private readonly RestJsonChannel _rest = new(executor);
    private readonly CollaborationSchemaReads _schemas = new(new RestJsonChannel(executor));
    private static AwsJsonContext Json => AwsJsonContext.Default;

    private readonly MembershipChildChannel<ConfiguredTableAssociation, ConfiguredTableAssociationSummary, ConfiguredTableAssociationPage,
        ConfiguredTableAssociationEnvelope> _tableAssociations = new(new RestJsonChannel(executor), "ConfiguredTableAssociation",
        "configuredTableAssociations", Json.ConfiguredTableAssociationPage, Json.ConfiguredTableAssociationEnvelope, o => o.ConfiguredTableAssociation);

    private readonly MembershipChildChannel<IdNamespaceAssociation, IdNamespaceAssociationSummary, IdNamespaceAssociationPage,
        IdNamespaceAssociationEnvelope> _idNamespaceAssociations = new(new RestJsonChannel(executor), "IdNamespaceAssociation",
        "idnamespaceassociations", Json.IdNamespaceAssociationPage, Json.IdNamespaceAssociationEnvelope, o => o.IdNamespaceAssociation);

    private readonly MembershipChildChannel<IdMappingTable, IdMappingTableSummary, IdMappingTablePage, IdMappingTableEnvelope> _idMappingTables =
        new(new RestJsonChannel(executor), "IdMappingTable", "idmappingtables", Json.IdMappingTablePage, Json.IdMappingTableEnvelope, o => o.IdMappingTable);

    private readonly MembershipChildChannel<AnalysisTemplate, AnalysisTemplateSummary, AnalysisTemplatePage, AnalysisTemplateEnvelope> _analysisTemplates =
        new(new RestJsonChannel(executor), "AnalysisTemplate", "analysistemplates", Json.AnalysisTemplatePage, Json.AnalysisTemplateEnvelope,
            o => o.AnalysisTemplate);

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct) =>
        StsQueryProtocol.ReadCallerIdentity(await executor.SendAsync(StsQueryProtocol.GetCallerIdentityRequest(), ct).ConfigureAwait(false));

    // Collaborations and invitations

    public Task<IReadOnlyList<CollaborationSummary>> ListCollaborationsAsync(string? memberStatus, CancellationToken ct) =>
        _rest.ListAllAsync<CollaborationPage, CollaborationSummary>(Operations.ListCollaborations, "/collaborations",
            [("maxResults", PageSize), ("memberStatus", memberStatus)], Json.CollaborationPage, c => c.Id, ct);

    public Task<Collaboration> GetCollaborationAsync(string collaborationId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetCollaboration, CollaborationPath(collaborationId), Json.CollaborationEnvelope, o => o.Collaboration, ct);

    public Task<IReadOnlyList<MemberSummary>> ListMembersAsync(string collaborationId, CancellationToken ct) =>
        _rest.ListAllAsync<MemberPage, MemberSummary>(Operations.ListMembers, $"{CollaborationPath(collaborationId)}/members",
            [("maxResults", PageSize)], Json.MemberPage, m => m.AccountId, ct);

    public Task<IReadOnlyList<ConfiguredTableSummary>> ListConfiguredTablesAsync(CancellationToken ct) =>
        _rest.ListAllAsync<ConfiguredTablePage, ConfiguredTableSummary>(Operations.ListConfiguredTables, "/configuredTables",
            [("maxResults", PageSize)], Json.ConfiguredTablePage, t => t.Id, ct);

    // Memberships

    public Task<IReadOnlyList<MembershipSummary>> ListMembershipsAsync(string? status, CancellationToken ct) =>
        _rest.ListAllAsync<MembershipPage, MembershipSummary>(Operations.ListMemberships, "/memberships",
            [("maxResults", PageSize), ("status", status)], Json.MembershipPage, m => m.Id, ct);

    public Task<Membership> GetMembershipAsync(string membershipId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetMembership, MembershipPath(membershipId), Json.MembershipEnvelope, o => o.Membership, ct);

    public Task<Membership> CreateMembershipAsync(CreateMembershipRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateMembership, "/memberships",
            new CreateMembershipBody(request.CollaborationIdentifier, request.QueryLogStatus, request.JobLogStatus, request.Tags,
                request.PaymentConfiguration, request.DefaultResultConfiguration),
            Json.CreateMembershipBody, Json.MembershipEnvelope, o => o.Membership, ct);

    public Task<Membership> UpdateMembershipAsync(UpdateMembershipRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateMembership, MembershipPath(request.MembershipIdentifier),
            new UpdateMembershipBody(request.QueryLogStatus, request.JobLogStatus, request.DefaultResultConfiguration),
            Json.UpdateMembershipBody, Json.MembershipEnvelope, o => o.Membership, ct);

    public Task DeleteMembershipAsync(string membershipId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteMembership, MembershipPath(membershipId), ct);

    // Configured table associations

    public Task<IReadOnlyList<ConfiguredTableAssociationSummary>> ListConfiguredTableAssociationsAsync(string membershipId, CancellationToken ct) =>
        _tableAssociations.ListAsync(membershipId, ct);

    public Task<ConfiguredTableAssociation> GetConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _tableAssociations.GetAsync(membershipId, associationId, ct);

    public Task<ConfiguredTableAssociation> CreateConfiguredTableAssociationAsync(CreateConfiguredTableAssociationRequest request, CancellationToken ct) =>
        _tableAssociations.CreateAsync(request.MembershipIdentifier,
            new CreateConfiguredTableAssociationBody(request.Name, request.ConfiguredTableIdentifier, request.RoleArn, request.Description, request.Tags),
            Json.CreateConfiguredTableAssociationBody, ct);

    public Task<ConfiguredTableAssociation> UpdateConfiguredTableAssociationAsync(UpdateConfiguredTableAssociationRequest request, CancellationToken ct) =>
        _tableAssociations.UpdateAsync(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier,
            new UpdateConfiguredTableAssociationBody(request.Description, request.RoleArn), Json.UpdateConfiguredTableAssociationBody, ct);

    public Task DeleteConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _tableAssociations.DeleteAsync(membershipId, associationId, ct);

    // Collaboration analysis rules on associations: the type goes in the body on create, in the path otherwise.

    public Task<ConfiguredTableAssociationAnalysisRule> GetConfiguredTableAssociationAnalysisRuleAsync(
        string membershipId, string associationId, string ruleType, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetConfiguredTableAssociationAnalysisRule, RulePath(membershipId, associationId, ruleType),
            Json.AnalysisRuleEnvelope, o => o.AnalysisRule, ct);

    public Task<ConfiguredTableAssociationAnalysisRule> CreateConfiguredTableAssociationAnalysisRuleAsync(CreateAnalysisRuleRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateConfiguredTableAssociationAnalysisRule,
            _tableAssociations.ItemPath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier) + "/analysisRule",
            new CreateAnalysisRuleBody(request.AnalysisRuleType, request.AnalysisRulePolicy),
            Json.CreateAnalysisRuleBody, Json.AnalysisRuleEnvelope, o => o.AnalysisRule, ct);

    public Task<ConfiguredTableAssociationAnalysisRule> UpdateConfiguredTableAssociationAnalysisRuleAsync(UpdateAnalysisRuleRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateConfiguredTableAssociationAnalysisRule,
            RulePath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier, request.AnalysisRuleType),
            new UpdateAnalysisRuleBody(request.AnalysisRulePolicy),
            Json.UpdateAnalysisRuleBody, Json.AnalysisRuleEnvelope, o => o.AnalysisRule, ct);

    public Task DeleteConfiguredTableAssociationAnalysisRuleAsync(string membershipId, string associationId, string ruleType, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteConfiguredTableAssociationAnalysisRule, RulePath(membershipId, associationId, ruleType), ct);

    // ID namespace associations

    public Task<IReadOnlyList<IdNamespaceAssociationSummary>> ListIdNamespaceAssociationsAsync(string membershipId, CancellationToken ct) =>
        _idNamespaceAssociations.ListAsync(membershipId, ct);

    public Task<IdNamespaceAssociation> GetIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _idNamespaceAssociations.GetAsync(membershipId, associationId, ct);

    public Task<IdNamespaceAssociation> CreateIdNamespaceAssociationAsync(CreateIdNamespaceAssociationRequest request, CancellationToken ct) =>
        _idNamespaceAssociations.CreateAsync(request.MembershipIdentifier,
            new CreateIdNamespaceAssociationBody(request.Name, request.InputReferenceConfig, request.Description, request.IdMappingConfig, request.Tags),
            Json.CreateIdNamespaceAssociationBody, ct);

    public Task<IdNamespaceAssociation> UpdateIdNamespaceAssociationAsync(UpdateIdNamespaceAssociationRequest request, CancellationToken ct) =>
        _idNamespaceAssociations.UpdateAsync(request.MembershipIdentifier, request.IdNamespaceAssociationIdentifier,
            new UpdateIdNamespaceAssociationBody(request.Name, request.Description, request.IdMappingConfig), Json.UpdateIdNamespaceAssociationBody, ct);

    public Task DeleteIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _idNamespaceAssociations.DeleteAsync(membershipId, associationId, ct);

    // ID mapping tables

    public Task<IReadOnlyList<IdMappingTableSummary>> ListIdMappingTablesAsync(string membershipId, CancellationToken ct) =>
        _idMappingTables.ListAsync(membershipId, ct);

    public Task<IdMappingTable> GetIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct) =>
        _idMappingTables.GetAsync(membershipId, tableId, ct);

    public Task<IdMappingTable> CreateIdMappingTableAsync(CreateIdMappingTableRequest request, CancellationToken ct) =>
        _idMappingTables.CreateAsync(request.MembershipIdentifier,
            new CreateIdMappingTableBody(request.Name, request.InputReferenceConfig, request.Description, request.KmsKeyArn, request.Tags),
            Json.CreateIdMappingTableBody, ct);

    public Task<IdMappingTable> UpdateIdMappingTableAsync(UpdateIdMappingTableRequest request, CancellationToken ct) =>
        _idMappingTables.UpdateAsync(request.MembershipIdentifier, request.IdMappingTableIdentifier,
            new UpdateIdMappingTableBody(request.Description, request.KmsKeyArn), Json.UpdateIdMappingTableBody, ct);

    public Task DeleteIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct) =>
        _idMappingTables.DeleteAsync(membershipId, tableId, ct);

    // Analysis templates

    public Task<IReadOnlyList<AnalysisTemplateSummary>> ListAnalysisTemplatesAsync(string membershipId, CancellationToken ct) =>
        _analysisTemplates.ListAsync(membershipId, ct);

    public Task<AnalysisTemplate> GetAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct) =>
        _analysisTemplates.GetAsync(membershipId, templateId, ct);

    public Task<AnalysisTemplate> CreateAnalysisTemplateAsync(CreateAnalysisTemplateRequest request, CancellationToken ct) =>
        _analysisTemplates.CreateAsync(request.MembershipIdentifier,
            new CreateAnalysisTemplateBody(request.Name, request.Format, request.Source, request.Description, request.AnalysisParameters,
                request.Schema, request.Tags),
            Json.CreateAnalysisTemplateBody, ct);

    public Task<AnalysisTemplate> UpdateAnalysisTemplateAsync(UpdateAnalysisTemplateRequest request, CancellationToken ct) =>
        _analysisTemplates.UpdateAsync(request.MembershipIdentifier, request.AnalysisTemplateIdentifier,
            new UpdateAnalysisTemplateBody(request.Description), Json.UpdateAnalysisTemplateBody, ct);

    public Task DeleteAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct) =>
        _analysisTemplates.DeleteAsync(membershipId, templateId, ct);

    // Kinds the tool doesn't manage, listed before leaving a membership (what would make AWS refuse DeleteMembership)

    public Task<IReadOnlyList<PrivacyBudgetTemplateSummary>> ListPrivacyBudgetTemplatesAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<PrivacyBudgetTemplatePage, PrivacyBudgetTemplateSummary>(Operations.ListPrivacyBudgetTemplates,
            $"{MembershipPath(membershipId)}/privacybudgettemplates", [("maxResults", PageSize)], Json.PrivacyBudgetTemplatePage, t => t.Id, ct);

    public Task<IReadOnlyList<ConfiguredAudienceModelAssociationSummary>> ListConfiguredAudienceModelAssociationsAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<ConfiguredAudienceModelAssociationPage, ConfiguredAudienceModelAssociationSummary>(
            Operations.ListConfiguredAudienceModelAssociations, $"{MembershipPath(membershipId)}/configuredaudiencemodelassociations",
            [("maxResults", PageSize)], Json.ConfiguredAudienceModelAssociationPage, a => a.Id, ct);
    // Tags: the ARN is one path label (':' and '/' percent-encoded).

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken ct) =>
        (await _rest.GetAsync(Operations.ListTagsForResource, TagsPath(resourceArn), Json.TagsOutput, ct)).Tags;

    public async Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken ct) =>
        await _rest.SendAsync(Operations.TagResource, TagsPath(resourceArn), new TagResourceBody(tags), Json.TagResourceBody, ct);

    public Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.UntagResource, WithList(TagsPath(resourceArn), "tagKeys", tagKeys), ct);

    // Entity Resolution: a name or a full ARN, which the label encoding keeps as one path segment.

    public Task<IdNamespace> GetIdNamespaceAsync(string nameOrArn, CancellationToken ct) =>
        _rest.GetAsync(Operations.GetIdNamespace, $"/idnamespaces/{Label(nameOrArn)}", Json.IdNamespace, ct);

    // Collaboration-side schema reads

    public Task<IReadOnlyList<SchemaSummary>> ListSchemasAsync(string collaborationId, string? schemaType, CancellationToken ct) =>
        _schemas.ListSchemasAsync(collaborationId, schemaType, ct);

    public Task<SchemaAnalysisRules> BatchGetSchemaAnalysisRuleAsync(
        string collaborationId, IReadOnlyList<SchemaAnalysisRuleRequest> requests, CancellationToken ct) =>
        _schemas.BatchGetSchemaAnalysisRuleAsync(collaborationId, requests, ct);

    public Task<SchemaBatch> BatchGetSchemaAsync(string collaborationId, IReadOnlyList<string> names, CancellationToken ct) =>
        _schemas.BatchGetSchemaAsync(collaborationId, names, ct);

    public void Dispose() => transport.Dispose();

    private static string CollaborationPath(string collaborationId) => $"/collaborations/{Label(collaborationId)}";
    private static string MembershipPath(string membershipId) => $"/memberships/{Label(membershipId)}";
    private static string TagsPath(string resourceArn) => $"/tags/{Label(resourceArn)}";
    private string RulePath(string membershipId, string associationId, string ruleType) =>
        $"{_tableAssociations.ItemPath(membershipId, associationId)}/analysisRule/{Label(ruleType)}";
}
