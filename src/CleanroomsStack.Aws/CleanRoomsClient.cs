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
    /// <summary>The largest page Clean Rooms allows: fewer calls against a per-operation rate limit.</summary>
    private const string PageSize = "100";

    private readonly RestJsonChannel _rest = new(executor);
    private readonly CollaborationSchemaReads _schemas = new(new RestJsonChannel(executor));
    private static AwsJsonContext Json => AwsJsonContext.Default;

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct) =>
        StsQueryProtocol.ReadCallerIdentity(await executor.SendAsync(StsQueryProtocol.GetCallerIdentityRequest(), ct).ConfigureAwait(false));

    // Collaborations and invitations

    public Task<IReadOnlyList<CollaborationSummary>> ListCollaborationsAsync(string? memberStatus, CancellationToken ct) =>
        _rest.ListAllAsync<CollaborationPage, CollaborationSummary>(Operations.ListCollaborations, "/collaborations",
            [("maxResults", PageSize), ("memberStatus", memberStatus)], Json.CollaborationPage, ct);

    public Task<Collaboration> GetCollaborationAsync(string collaborationId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetCollaboration, CollaborationPath(collaborationId), Json.CollaborationEnvelope, o => o.Collaboration, ct);

    public Task<IReadOnlyList<MemberSummary>> ListMembersAsync(string collaborationId, CancellationToken ct) =>
        _rest.ListAllAsync<MemberPage, MemberSummary>(Operations.ListMembers, $"{CollaborationPath(collaborationId)}/members",
            [("maxResults", PageSize)], Json.MemberPage, ct);

    public Task<IReadOnlyList<ConfiguredTableSummary>> ListConfiguredTablesAsync(CancellationToken ct) =>
        _rest.ListAllAsync<ConfiguredTablePage, ConfiguredTableSummary>(Operations.ListConfiguredTables, "/configuredTables",
            [("maxResults", PageSize)], Json.ConfiguredTablePage, ct);

    // Memberships

    public Task<IReadOnlyList<MembershipSummary>> ListMembershipsAsync(string? status, CancellationToken ct) =>
        _rest.ListAllAsync<MembershipPage, MembershipSummary>(Operations.ListMemberships, "/memberships",
            [("maxResults", PageSize), ("status", status)], Json.MembershipPage, ct);

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
        _rest.ListAllAsync<ConfiguredTableAssociationPage, ConfiguredTableAssociationSummary>(Operations.ListConfiguredTableAssociations,
            AssociationsPath(membershipId), [("maxResults", PageSize)], Json.ConfiguredTableAssociationPage, ct);

    public Task<ConfiguredTableAssociation> GetConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetConfiguredTableAssociation, AssociationPath(membershipId, associationId),
            Json.ConfiguredTableAssociationEnvelope, o => o.ConfiguredTableAssociation, ct);

    public Task<ConfiguredTableAssociation> CreateConfiguredTableAssociationAsync(CreateConfiguredTableAssociationRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateConfiguredTableAssociation, AssociationsPath(request.MembershipIdentifier),
            new CreateConfiguredTableAssociationBody(request.Name, request.ConfiguredTableIdentifier, request.RoleArn, request.Description, request.Tags),
            Json.CreateConfiguredTableAssociationBody, Json.ConfiguredTableAssociationEnvelope, o => o.ConfiguredTableAssociation, ct);

    public Task<ConfiguredTableAssociation> UpdateConfiguredTableAssociationAsync(UpdateConfiguredTableAssociationRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateConfiguredTableAssociation,
            AssociationPath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier),
            new UpdateConfiguredTableAssociationBody(request.Description, request.RoleArn),
            Json.UpdateConfiguredTableAssociationBody, Json.ConfiguredTableAssociationEnvelope, o => o.ConfiguredTableAssociation, ct);

    public Task DeleteConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteConfiguredTableAssociation, AssociationPath(membershipId, associationId), ct);

    // Collaboration analysis rules on associations: the type goes in the body on create, in the path otherwise.

    public Task<ConfiguredTableAssociationAnalysisRule> GetConfiguredTableAssociationAnalysisRuleAsync(
        string membershipId, string associationId, string ruleType, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetConfiguredTableAssociationAnalysisRule, RulePath(membershipId, associationId, ruleType),
            Json.AnalysisRuleEnvelope, o => o.AnalysisRule, ct);

    public Task<ConfiguredTableAssociationAnalysisRule> CreateConfiguredTableAssociationAnalysisRuleAsync(CreateAnalysisRuleRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateConfiguredTableAssociationAnalysisRule,
            AssociationPath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier) + "/analysisRule",
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
        _rest.ListAllAsync<IdNamespaceAssociationPage, IdNamespaceAssociationSummary>(Operations.ListIdNamespaceAssociations,
            IdNamespaceAssociationsPath(membershipId), [("maxResults", PageSize)], Json.IdNamespaceAssociationPage, ct);

    public Task<IdNamespaceAssociation> GetIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetIdNamespaceAssociation, IdNamespaceAssociationPath(membershipId, associationId),
            Json.IdNamespaceAssociationEnvelope, o => o.IdNamespaceAssociation, ct);

    public Task<IdNamespaceAssociation> CreateIdNamespaceAssociationAsync(CreateIdNamespaceAssociationRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateIdNamespaceAssociation, IdNamespaceAssociationsPath(request.MembershipIdentifier),
            new CreateIdNamespaceAssociationBody(request.Name, request.InputReferenceConfig, request.Description, request.IdMappingConfig, request.Tags),
            Json.CreateIdNamespaceAssociationBody, Json.IdNamespaceAssociationEnvelope, o => o.IdNamespaceAssociation, ct);

    public Task<IdNamespaceAssociation> UpdateIdNamespaceAssociationAsync(UpdateIdNamespaceAssociationRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateIdNamespaceAssociation,
            IdNamespaceAssociationPath(request.MembershipIdentifier, request.IdNamespaceAssociationIdentifier),
            new UpdateIdNamespaceAssociationBody(request.Name, request.Description, request.IdMappingConfig),
            Json.UpdateIdNamespaceAssociationBody, Json.IdNamespaceAssociationEnvelope, o => o.IdNamespaceAssociation, ct);

    public Task DeleteIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteIdNamespaceAssociation, IdNamespaceAssociationPath(membershipId, associationId), ct);

    public Task<IReadOnlyList<IdMappingTableSummary>> ListIdMappingTablesAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<IdMappingTablePage, IdMappingTableSummary>(Operations.ListIdMappingTables,
            IdMappingTablesPath(membershipId), [("maxResults", PageSize)], Json.IdMappingTablePage, ct);

    public Task<IdMappingTable> GetIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetIdMappingTable, IdMappingTablePath(membershipId, tableId),
            Json.IdMappingTableEnvelope, o => o.IdMappingTable, ct);

    public Task<IdMappingTable> CreateIdMappingTableAsync(CreateIdMappingTableRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateIdMappingTable, IdMappingTablesPath(request.MembershipIdentifier),
            new CreateIdMappingTableBody(request.Name, request.InputReferenceConfig, request.Description, request.KmsKeyArn, request.Tags),
            Json.CreateIdMappingTableBody, Json.IdMappingTableEnvelope, o => o.IdMappingTable, ct);

    public Task<IdMappingTable> UpdateIdMappingTableAsync(UpdateIdMappingTableRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateIdMappingTable, IdMappingTablePath(request.MembershipIdentifier, request.IdMappingTableIdentifier),
            new UpdateIdMappingTableBody(request.Description, request.KmsKeyArn),
            Json.UpdateIdMappingTableBody, Json.IdMappingTableEnvelope, o => o.IdMappingTable, ct);

    public Task DeleteIdMappingTableAsync(string membershipId, string tableId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteIdMappingTable, IdMappingTablePath(membershipId, tableId), ct);

    // Analysis templates

    public Task<IReadOnlyList<AnalysisTemplateSummary>> ListAnalysisTemplatesAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<AnalysisTemplatePage, AnalysisTemplateSummary>(Operations.ListAnalysisTemplates,
            AnalysisTemplatesPath(membershipId), [("maxResults", PageSize)], Json.AnalysisTemplatePage, ct);

    public Task<AnalysisTemplate> GetAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct) =>
        _rest.GetResourceAsync(Operations.GetAnalysisTemplate, AnalysisTemplatePath(membershipId, templateId),
            Json.AnalysisTemplateEnvelope, o => o.AnalysisTemplate, ct);

    public Task<AnalysisTemplate> CreateAnalysisTemplateAsync(CreateAnalysisTemplateRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.CreateAnalysisTemplate, AnalysisTemplatesPath(request.MembershipIdentifier),
            new CreateAnalysisTemplateBody(request.Name, request.Format, request.Source, request.Description, request.AnalysisParameters,
                request.Schema, request.Tags),
            Json.CreateAnalysisTemplateBody, Json.AnalysisTemplateEnvelope, o => o.AnalysisTemplate, ct);

    public Task<AnalysisTemplate> UpdateAnalysisTemplateAsync(UpdateAnalysisTemplateRequest request, CancellationToken ct) =>
        _rest.SendForResourceAsync(Operations.UpdateAnalysisTemplate, AnalysisTemplatePath(request.MembershipIdentifier, request.AnalysisTemplateIdentifier),
            new UpdateAnalysisTemplateBody(request.Description),
            Json.UpdateAnalysisTemplateBody, Json.AnalysisTemplateEnvelope, o => o.AnalysisTemplate, ct);

    public Task DeleteAnalysisTemplateAsync(string membershipId, string templateId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteAnalysisTemplate, AnalysisTemplatePath(membershipId, templateId), ct);

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
    private static string AssociationsPath(string membershipId) => $"{MembershipPath(membershipId)}/configuredTableAssociations";
    private static string AssociationPath(string membershipId, string associationId) => $"{AssociationsPath(membershipId)}/{Label(associationId)}";
    private static string RulePath(string membershipId, string associationId, string ruleType) =>
        $"{AssociationPath(membershipId, associationId)}/analysisRule/{Label(ruleType)}";
    private static string IdMappingTablesPath(string membershipId) => $"{MembershipPath(membershipId)}/idmappingtables";

    private static string IdMappingTablePath(string membershipId, string tableId) => $"{IdMappingTablesPath(membershipId)}/{Label(tableId)}";

    private static string AnalysisTemplatesPath(string membershipId) => $"{MembershipPath(membershipId)}/analysistemplates";

    private static string AnalysisTemplatePath(string membershipId, string templateId) => $"{AnalysisTemplatesPath(membershipId)}/{Label(templateId)}";

    private static string IdNamespaceAssociationsPath(string membershipId) => $"{MembershipPath(membershipId)}/idnamespaceassociations";
    private static string IdNamespaceAssociationPath(string membershipId, string associationId) =>
        $"{IdNamespaceAssociationsPath(membershipId)}/{Label(associationId)}";
}
