using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Schemas;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using static CleanroomsStack.Aws.Wire.RestUri;

namespace CleanroomsStack.Aws;

/// <summary>
/// <see cref="ICleanRoomsApi"/> over HTTP: one method per AWS operation, each just the operation's URI, body and
/// response shape (facts §3, §5, §7). Transport concerns (signing, retries, rate limits, errors) are in the executor.
/// </summary>
internal sealed class CleanRoomsClient(AwsCallExecutor executor) : ICleanRoomsApi, ICollaborationSchemaApi
{
    /// <summary>The largest page Clean Rooms allows: fewer calls against a per-operation rate limit.</summary>
    private const string PageSize = "100";

    private readonly RestJsonChannel _rest = new(executor);
    private readonly CollaborationSchemaReads _schemas = new(new RestJsonChannel(executor));
    private static AwsJsonContext Json => AwsJsonContext.Default;

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct)
    {
        var response = await executor.SendAsync(StsQueryProtocol.GetCallerIdentityRequest(), ct).ConfigureAwait(false);
        return StsQueryProtocol.ReadCallerIdentity(response);
    }

    // Collaborations and invitations

    public Task<IReadOnlyList<CollaborationSummary>> ListCollaborationsAsync(string? memberStatus, CancellationToken ct) =>
        _rest.ListAllAsync<CollaborationPage, CollaborationSummary>(Operations.ListCollaborations, "/collaborations",
            [("maxResults", PageSize), ("memberStatus", memberStatus)], Json.CollaborationPage, ct);

    public Task<Collaboration> GetCollaborationAsync(string collaborationId, CancellationToken ct) =>
        _rest.GetResourceAsync<CollaborationEnvelope, Collaboration>(Operations.GetCollaboration, $"/collaborations/{Label(collaborationId)}", Json.CollaborationEnvelope, ct);

    public Task<IReadOnlyList<MemberSummary>> ListMembersAsync(string collaborationId, CancellationToken ct) =>
        _rest.ListAllAsync<MemberPage, MemberSummary>(Operations.ListMembers, $"/collaborations/{Label(collaborationId)}/members",
            [("maxResults", PageSize)], Json.MemberPage, ct);

    public Task<IReadOnlyList<ConfiguredTableSummary>> ListConfiguredTablesAsync(CancellationToken ct) =>
        _rest.ListAllAsync<ConfiguredTablePage, ConfiguredTableSummary>(Operations.ListConfiguredTables, "/configuredTables",
            [("maxResults", PageSize)], Json.ConfiguredTablePage, ct);

    // Memberships

    public Task<IReadOnlyList<MembershipSummary>> ListMembershipsAsync(string? status, CancellationToken ct) =>
        _rest.ListAllAsync<MembershipPage, MembershipSummary>(Operations.ListMemberships, "/memberships",
            [("maxResults", PageSize), ("status", status)], Json.MembershipPage, ct);

    public Task<Membership> GetMembershipAsync(string membershipId, CancellationToken ct) =>
        _rest.GetResourceAsync<MembershipEnvelope, Membership>(Operations.GetMembership, MembershipPath(membershipId), Json.MembershipEnvelope, ct);

    public async Task<Membership> CreateMembershipAsync(CreateMembershipRequest request, CancellationToken ct)
    {
        var body = new CreateMembershipBody(request.CollaborationIdentifier, request.QueryLogStatus, request.JobLogStatus, request.Tags, request.PaymentConfiguration);
        return await _rest.SendForResourceAsync<CreateMembershipBody, MembershipEnvelope, Membership>(Operations.CreateMembership, "/memberships", body, Json.CreateMembershipBody, Json.MembershipEnvelope, ct).ConfigureAwait(false);
    }

    public async Task<Membership> UpdateMembershipAsync(UpdateMembershipRequest request, CancellationToken ct)
    {
        var body = new UpdateMembershipBody(request.QueryLogStatus, request.JobLogStatus);
        return await _rest.SendForResourceAsync<UpdateMembershipBody, MembershipEnvelope, Membership>(Operations.UpdateMembership, MembershipPath(request.MembershipIdentifier), body,
            Json.UpdateMembershipBody, Json.MembershipEnvelope, ct).ConfigureAwait(false);
    }

    public Task DeleteMembershipAsync(string membershipId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteMembership, MembershipPath(membershipId), ct);

    // Configured table associations

    public Task<IReadOnlyList<ConfiguredTableAssociationSummary>> ListConfiguredTableAssociationsAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<ConfiguredTableAssociationPage, ConfiguredTableAssociationSummary>(Operations.ListConfiguredTableAssociations,
            AssociationsPath(membershipId), [("maxResults", PageSize)], Json.ConfiguredTableAssociationPage, ct);

    public Task<ConfiguredTableAssociation> GetConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.GetResourceAsync<ConfiguredTableAssociationEnvelope, ConfiguredTableAssociation>(Operations.GetConfiguredTableAssociation, AssociationPath(membershipId, associationId),
            Json.ConfiguredTableAssociationEnvelope, ct);

    public async Task<ConfiguredTableAssociation> CreateConfiguredTableAssociationAsync(CreateConfiguredTableAssociationRequest request, CancellationToken ct)
    {
        var body = new CreateConfiguredTableAssociationBody(request.Name, request.ConfiguredTableIdentifier, request.RoleArn, request.Description, request.Tags);
        return await _rest.SendForResourceAsync<CreateConfiguredTableAssociationBody, ConfiguredTableAssociationEnvelope, ConfiguredTableAssociation>(Operations.CreateConfiguredTableAssociation, AssociationsPath(request.MembershipIdentifier), body,
            Json.CreateConfiguredTableAssociationBody, Json.ConfiguredTableAssociationEnvelope, ct).ConfigureAwait(false);
    }

    public async Task<ConfiguredTableAssociation> UpdateConfiguredTableAssociationAsync(UpdateConfiguredTableAssociationRequest request, CancellationToken ct)
    {
        var body = new UpdateConfiguredTableAssociationBody(request.Description, request.RoleArn);
        return await _rest.SendForResourceAsync<UpdateConfiguredTableAssociationBody, ConfiguredTableAssociationEnvelope, ConfiguredTableAssociation>(Operations.UpdateConfiguredTableAssociation,
            AssociationPath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier), body,
            Json.UpdateConfiguredTableAssociationBody, Json.ConfiguredTableAssociationEnvelope, ct).ConfigureAwait(false);
    }

    public Task DeleteConfiguredTableAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteConfiguredTableAssociation, AssociationPath(membershipId, associationId), ct);

    // Collaboration analysis rules on associations (type in the body on create, in the path otherwise)

    public Task<ConfiguredTableAssociationAnalysisRule> GetConfiguredTableAssociationAnalysisRuleAsync(
        string membershipId, string associationId, string ruleType, CancellationToken ct) =>
        _rest.GetResourceAsync<AnalysisRuleEnvelope, ConfiguredTableAssociationAnalysisRule>(Operations.GetConfiguredTableAssociationAnalysisRule, RulePath(membershipId, associationId, ruleType),
            Json.AnalysisRuleEnvelope, ct);

    public async Task<ConfiguredTableAssociationAnalysisRule> CreateConfiguredTableAssociationAnalysisRuleAsync(CreateAnalysisRuleRequest request, CancellationToken ct)
    {
        var body = new CreateAnalysisRuleBody(request.AnalysisRuleType, request.AnalysisRulePolicy);
        var path = AssociationPath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier) + "/analysisRule";
        return await _rest.SendForResourceAsync<CreateAnalysisRuleBody, AnalysisRuleEnvelope, ConfiguredTableAssociationAnalysisRule>(Operations.CreateConfiguredTableAssociationAnalysisRule, path, body,
            Json.CreateAnalysisRuleBody, Json.AnalysisRuleEnvelope, ct).ConfigureAwait(false);
    }

    public async Task<ConfiguredTableAssociationAnalysisRule> UpdateConfiguredTableAssociationAnalysisRuleAsync(UpdateAnalysisRuleRequest request, CancellationToken ct)
    {
        var body = new UpdateAnalysisRuleBody(request.AnalysisRulePolicy);
        var path = RulePath(request.MembershipIdentifier, request.ConfiguredTableAssociationIdentifier, request.AnalysisRuleType);
        return await _rest.SendForResourceAsync<UpdateAnalysisRuleBody, AnalysisRuleEnvelope, ConfiguredTableAssociationAnalysisRule>(Operations.UpdateConfiguredTableAssociationAnalysisRule, path, body,
            Json.UpdateAnalysisRuleBody, Json.AnalysisRuleEnvelope, ct).ConfigureAwait(false);
    }

    public Task DeleteConfiguredTableAssociationAnalysisRuleAsync(string membershipId, string associationId, string ruleType, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteConfiguredTableAssociationAnalysisRule, RulePath(membershipId, associationId, ruleType), ct);

    // ID namespace associations

    public Task<IReadOnlyList<IdNamespaceAssociationSummary>> ListIdNamespaceAssociationsAsync(string membershipId, CancellationToken ct) =>
        _rest.ListAllAsync<IdNamespaceAssociationPage, IdNamespaceAssociationSummary>(Operations.ListIdNamespaceAssociations,
            IdNamespaceAssociationsPath(membershipId), [("maxResults", PageSize)], Json.IdNamespaceAssociationPage, ct);

    public Task<IdNamespaceAssociation> GetIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.GetResourceAsync<IdNamespaceAssociationEnvelope, IdNamespaceAssociation>(Operations.GetIdNamespaceAssociation, IdNamespaceAssociationPath(membershipId, associationId),
            Json.IdNamespaceAssociationEnvelope, ct);

    public async Task<IdNamespaceAssociation> CreateIdNamespaceAssociationAsync(CreateIdNamespaceAssociationRequest request, CancellationToken ct)
    {
        var body = new CreateIdNamespaceAssociationBody(request.Name, request.InputReferenceConfig, request.Description, request.IdMappingConfig, request.Tags);
        return await _rest.SendForResourceAsync<CreateIdNamespaceAssociationBody, IdNamespaceAssociationEnvelope, IdNamespaceAssociation>(Operations.CreateIdNamespaceAssociation, IdNamespaceAssociationsPath(request.MembershipIdentifier), body,
            Json.CreateIdNamespaceAssociationBody, Json.IdNamespaceAssociationEnvelope, ct).ConfigureAwait(false);
    }

    public async Task<IdNamespaceAssociation> UpdateIdNamespaceAssociationAsync(UpdateIdNamespaceAssociationRequest request, CancellationToken ct)
    {
        var body = new UpdateIdNamespaceAssociationBody(request.Name, request.Description, request.IdMappingConfig);
        return await _rest.SendForResourceAsync<UpdateIdNamespaceAssociationBody, IdNamespaceAssociationEnvelope, IdNamespaceAssociation>(Operations.UpdateIdNamespaceAssociation,
            IdNamespaceAssociationPath(request.MembershipIdentifier, request.IdNamespaceAssociationIdentifier), body,
            Json.UpdateIdNamespaceAssociationBody, Json.IdNamespaceAssociationEnvelope, ct).ConfigureAwait(false);
    }

    public Task DeleteIdNamespaceAssociationAsync(string membershipId, string associationId, CancellationToken ct) =>
        _rest.DeleteAsync(Operations.DeleteIdNamespaceAssociation, IdNamespaceAssociationPath(membershipId, associationId), ct);

    // Entity Resolution: accepts a name or a full ARN, which the label encoding keeps as one segment.

    public Task<IdNamespace> GetIdNamespaceAsync(string nameOrArn, CancellationToken ct) =>
        _rest.GetAsync(Operations.GetIdNamespace, $"/idnamespaces/{Label(nameOrArn)}", Json.IdNamespace, ct);

    // Collaboration-side schema reads (ICollaborationSchemaApi)

    public Task<IReadOnlyList<SchemaSummary>> ListSchemasAsync(string collaborationId, string? schemaType, CancellationToken ct) =>
        _schemas.ListSchemasAsync(collaborationId, schemaType, ct);

    public Task<SchemaAnalysisRules> BatchGetSchemaAnalysisRuleAsync(
        string collaborationId, IReadOnlyList<SchemaAnalysisRuleRequest> requests, CancellationToken ct) =>
        _schemas.BatchGetSchemaAnalysisRuleAsync(collaborationId, requests, ct);

    private static string MembershipPath(string membershipId) => $"/memberships/{Label(membershipId)}";
    private static string AssociationsPath(string membershipId) => $"{MembershipPath(membershipId)}/configuredTableAssociations";
    private static string AssociationPath(string membershipId, string associationId) => $"{AssociationsPath(membershipId)}/{Label(associationId)}";
    private static string RulePath(string membershipId, string associationId, string ruleType) =>
        $"{AssociationPath(membershipId, associationId)}/analysisRule/{Label(ruleType)}";
    private static string IdNamespaceAssociationsPath(string membershipId) => $"{MembershipPath(membershipId)}/idnamespaceassociations";
    private static string IdNamespaceAssociationPath(string membershipId, string associationId) =>
        $"{IdNamespaceAssociationsPath(membershipId)}/{Label(associationId)}";
}
