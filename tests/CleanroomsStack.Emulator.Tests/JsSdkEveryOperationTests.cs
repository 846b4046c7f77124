using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>
/// The conformance suite: <c>tests/js/every-operation.mjs</c> calls every emulated operation and provokes every
/// modeled error kind through the official AWS SDK for JavaScript v3; this test checks what the SDK parsed.
/// </summary>
public sealed class JsSdkEveryOperationTests
{
    private static readonly string[] Successes =
    [
        "GetCallerIdentity", "AssumeRole", "GetRoleCredentials", "CreateIdNamespace", "ListIdNamespaces", "GetIdNamespace",
        "CreateDatabase", "CreateTable", "GetTable", "GetTables", "CreateCollaboration", "GetCollaboration", "ListMembers",
        "PartnerCreateMembership", "ListCollaborations", "CreateMembership", "GetMembership", "UpdateMembership", "ListMemberships",
        "CreateConfiguredTable", "GetConfiguredTable", "UpdateConfiguredTable", "ListConfiguredTables",
        "CreateConfiguredTableAnalysisRule", "GetConfiguredTableAnalysisRule", "UpdateConfiguredTableAnalysisRule",
        "CreateConfiguredTableAssociation", "GetConfiguredTableAssociation", "UpdateConfiguredTableAssociation", "ListConfiguredTableAssociations",
        "CreateConfiguredTableAssociationAnalysisRule", "GetConfiguredTableAssociationAnalysisRule", "UpdateConfiguredTableAssociationAnalysisRule",
        "CreateIdNamespaceAssociation", "GetIdNamespaceAssociation", "UpdateIdNamespaceAssociation", "ListIdNamespaceAssociations",
        "CreateIdMappingTable", "GetIdMappingTable", "UpdateIdMappingTable", "ListIdMappingTables",
        "CreateAnalysisTemplate", "GetAnalysisTemplate", "UpdateAnalysisTemplate", "ListAnalysisTemplates",
        "CreatePrivacyBudgetTemplate", "GetPrivacyBudgetTemplate", "UpdatePrivacyBudgetTemplate", "ListPrivacyBudgetTemplates",
        "CreateConfiguredAudienceModelAssociation", "GetConfiguredAudienceModelAssociation", "UpdateConfiguredAudienceModelAssociation",
        "ListConfiguredAudienceModelAssociations", "TagResource", "UntagResource", "ListTagsForResource",
        "TagAssociation", "UntagAssociation", "ListAssociationTags",
        "ListSchemas", "GetSchema", "BatchGetSchema", "GetSchemaAnalysisRule", "BatchGetSchemaAnalysisRule",
        "DeleteConfiguredTableAssociationAnalysisRule", "DeleteConfiguredTableAssociation", "DeleteIdNamespaceAssociation",
        "DeleteIdMappingTable", "DeleteAnalysisTemplate", "DeleteConfiguredTableAnalysisRule", "DeleteConfiguredTable",
        "DeletePrivacyBudgetTemplate", "DeleteConfiguredAudienceModelAssociation", "DeleteMembership", "GetMembershipAfterDelete",
        "UpdateCollaboration", "DeleteMember", "DeleteCollaboration", "PartnerMembershipsAfterDelete",
    ];

    [Fact]
    public async Task Every_operation_and_error_kind_parses_in_the_official_sdk()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var r = await NodeRunner.RunAsync("every-operation.mjs", emulator.Endpoint);

        var failed = Successes.Where(name => r[name]?["ok"]?.GetValue<bool>() != true)
            .Select(name => $"{name}: {r[name]?.ToJsonString()}").ToList();
        Assert.True(failed.Count == 0, "operations that failed:\n" + string.Join("\n", failed));
        AssertTypedValues(r);
        AssertErrors(r);
    }

    private static void AssertTypedValues(JsonObject r)
    {
        Assert.StartsWith("ASIA", S(r, "AssumeRole.output.Credentials.AccessKeyId"), StringComparison.Ordinal);
        Assert.NotNull(S(r, "AssumeRole.output.Credentials.Expiration.$date"));
        Assert.True(N(r, "GetRoleCredentials.output.roleCredentials.expiration")!.GetValue<long>() > 1_700_000_000_000);
        Assert.Equal("TARGET", S(r, "CreateIdNamespace.output.type"));
        Assert.NotNull(S(r, "GetIdNamespace.output.createdAt.$date"));
        Assert.Equal("double", S(r, "GetTable.output.Table.StorageDescriptor.Columns.1.Type"));
        Assert.Equal(["part_age", "part_auto_make", "part_auto_owner"], N(r, "GetTables.output.TableList")!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
        Assert.Equal(3, N(r, "ListMembers.output.memberSummaries")!.AsArray().Count);
        var payments = N(r, "ListMembers.output.memberSummaries")!.AsArray().ToDictionary(m => m!["accountId"]!.GetValue<string>(), m => m!["paymentConfiguration"]!);
        Assert.True(payments[TestEmulator.Amc]["machineLearning"]!["modelInference"]!["isResponsible"]!.GetValue<bool>());
        Assert.False(payments[TestEmulator.Measurement]["machineLearning"]!["modelInference"]!["isResponsible"]!.GetValue<bool>());
        Assert.Equal("ENABLED", S(r, "UpdateMembership.output.membership.queryLogStatus"));
        Assert.Equal(2, N(r, "ListConfiguredTables.output.configuredTableSummaries")!.AsArray().Count);
        Assert.NotNull(S(r, "ListConfiguredTables.output.nextToken"));
        Assert.Equal("ANY_QUERY", S(r, "GetConfiguredTableAnalysisRule.output.analysisRule.policy.v1.custom.allowedAnalyses.0"));
        Assert.Equal("order_id", S(r, "UpdateConfiguredTableAnalysisRule.output.analysisRule.policy.v1.custom.disallowedOutputColumns.0"));
        Assert.Equal("shared orders", S(r, "UpdateConfiguredTableAssociation.output.configuredTableAssociation.description"));
        Assert.Equal(2, N(r, "UpdateConfiguredTableAssociationAnalysisRule.output.analysisRule.policy.v1.custom.allowedResultReceivers")!.AsArray().Count);
        Assert.False(N(r, "GetIdNamespaceAssociation.output.idNamespaceAssociation.idMappingConfig.allowUseAsDimensionColumn")!.GetValue<bool>());
        Assert.Equal("map_0", S(r, "GetIdMappingTable.output.idMappingTable.name"));
        Assert.Equal("mapped", S(r, "UpdateIdMappingTable.output.idMappingTable.description"));
        Assert.Equal("SELECT COUNT(*) FROM acx_orders WHERE amount > :min_amount", S(r, "GetAnalysisTemplate.output.analysisTemplate.source.text"));
        Assert.Equal("DOUBLE", S(r, "GetAnalysisTemplate.output.analysisTemplate.analysisParameters.0.type"));
        Assert.Equal("acx_orders", S(r, "GetAnalysisTemplate.output.analysisTemplate.schema.referencedTables.0"));
        Assert.NotNull(S(r, "GetAnalysisTemplate.output.analysisTemplate.createTime.$date"));
        Assert.Equal("orders over a minimum", S(r, "UpdateAnalysisTemplate.output.analysisTemplate.description"));
        Assert.Equal("order_count", S(r, "ListAnalysisTemplates.output.analysisTemplateSummaries.0.name"));
        Assert.Equal(204, N(r, "DeleteAnalysisTemplate.status")!.GetValue<int>());
        Assert.Equal(5, N(r, "UpdatePrivacyBudgetTemplate.output.privacyBudgetTemplate.parameters.differentialPrivacy.epsilon")!.GetValue<int>());
        Assert.Equal(30, N(r, "GetPrivacyBudgetTemplate.output.privacyBudgetTemplate.parameters.differentialPrivacy.usersNoisePerQuery")!.GetValue<int>());
        Assert.Equal("DIFFERENTIAL_PRIVACY", S(r, "ListPrivacyBudgetTemplates.output.privacyBudgetTemplateSummaries.0.privacyBudgetType"));
        Assert.Equal("lookalike", S(r, "GetConfiguredAudienceModelAssociation.output.configuredAudienceModelAssociation.name"));
        Assert.Equal("segments", S(r, "UpdateConfiguredAudienceModelAssociation.output.configuredAudienceModelAssociation.description"));
        Assert.Equal("lookalike", S(r, "ListConfiguredAudienceModelAssociations.output.configuredAudienceModelAssociationSummaries.0.name"));
        Assert.Equal("data", S(r, "ListTagsForResource.output.tags.team"));
        Assert.Null(N(r, "ListTagsForResource.output.tags.env"));
        Assert.Equal("acx", S(r, "ListAssociationTags.output.tags.team"));
        Assert.Null(N(r, "ListAssociationTags.output.tags.owner"));
        Assert.Equal("acx_orders", S(r, "ListSchemas.output.schemaSummaries.0.name"));
        Assert.Equal("READY", S(r, "GetSchema.output.schema.schemaStatusDetails.0.status"));
        Assert.Equal("nope", S(r, "BatchGetSchema.output.errors.0.name"));
        Assert.Equal("ANY_QUERY", S(r, "GetSchemaAnalysisRule.output.analysisRule.consolidatedPolicy.v1.custom.allowedAnalyses.0"));
        Assert.Equal("LIST", S(r, "BatchGetSchemaAnalysisRule.output.errors.0.type"));
        Assert.Equal(204, N(r, "DeleteMembership.status")!.GetValue<int>());
        Assert.Equal("REMOVED", S(r, "GetMembershipAfterDelete.output.membership.status"));
        Assert.Equal("Conformance (renamed)", S(r, "UpdateCollaboration.output.collaboration.name"));
        Assert.Equal(204, N(r, "DeleteCollaboration.status")!.GetValue<int>());
        Assert.Equal("COLLABORATION_DELETED", S(r, "PartnerMembershipsAfterDelete.output.membershipSummaries.0.status"));
    }

    private static void AssertErrors(JsonObject r)
    {
        Expect(r, "StsInvalidClientTokenId", "InvalidClientTokenId", 403);
        Expect(r, "SsoUnauthorized", "UnauthorizedException", 401);
        Expect(r, "ErConflict", "ConflictException", 400);
        Expect(r, "ErResourceNotFound", "ResourceNotFoundException", 404);
        Expect(r, "GlueEntityNotFound", "EntityNotFoundException", 400);
        Expect(r, "GlueAlreadyExists", "AlreadyExistsException", 400);
        Expect(r, "GlueInvalidInput", "InvalidInputException", 400);
        Expect(r, "StsValidationError", "ValidationError", 400);
        Expect(r, "StsAccessDenied", "AccessDenied", 403);
        Expect(r, "ErValidation", "ValidationException", 400);

        Expect(r, "ValidationException", "ValidationException", 400);
        Assert.Equal("FIELD_VALIDATION_FAILED", S(r, "ValidationException.fields.reason"));
        Assert.Equal(["name", "roleArn"], N(r, "ValidationException.fields.fieldList")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order());
        Expect(r, "ResourceNotFoundException", "ResourceNotFoundException", 404);
        Assert.Equal("MEMBERSHIP", S(r, "ResourceNotFoundException.fields.resourceType"));
        Assert.Equal("00000000-0000-4000-8000-000000000000", S(r, "ResourceNotFoundException.fields.resourceId"));
        Expect(r, "ConflictException", "ConflictException", 409);
        Assert.Equal("ALREADY_EXISTS", S(r, "ConflictException.fields.reason"));
        Expect(r, "DeleteMembershipWithChildren", "ConflictException", 409);
        Assert.Equal("SUBRESOURCES_EXIST", S(r, "DeleteMembershipWithChildren.fields.reason"));
        Expect(r, "CreatorDeleteMembership", "ConflictException", 409);
        Assert.Equal("Cannot delete membership for the creator of the collaboration while their membership is still ACTIVE",
            S(r, "CreatorDeleteMembership.message"));
        Expect(r, "ServiceQuotaExceededException", "ServiceQuotaExceededException", 402);
        Assert.Equal("ID mapping tables per membership", S(r, "ServiceQuotaExceededException.fields.quotaName"));
        Assert.Equal(5.0, N(r, "ServiceQuotaExceededException.fields.quotaValue")!.GetValue<double>());
        Expect(r, "AccessDeniedException", "AccessDeniedException", 403);
        Assert.Equal("INSUFFICIENT_PERMISSIONS", S(r, "AccessDeniedException.fields.reason"));
        Expect(r, "ThrottlingException", "ThrottlingException", 429);
        Expect(r, "InternalServerException", "InternalServerException", 500);
        Assert.Equal("server", S(r, "InternalServerException.fault"));
    }

    private static void Expect(JsonObject r, string name, string errorName, int status)
    {
        Assert.False(N(r, $"{name}.ok")!.GetValue<bool>(), $"{name} should have failed: {r[name]?.ToJsonString()}");
        var detail = r[name]!.ToJsonString();
        Assert.True(errorName == S(r, $"{name}.name") && status == N(r, $"{name}.status")?.GetValue<int>(),
            $"{name}: expected {errorName} {status}, got {detail}");
    }

    private static JsonNode? N(JsonObject root, string path) => JsonPath.Get(root, path);

    private static string? S(JsonObject root, string path) => JsonPath.Str(root, path);
}
