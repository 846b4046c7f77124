using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>
/// The official AWS SDK for JavaScript v3 is an independent client: if it parses the emulator's answers into the
/// typed values, error names and fields AWS documents, the wire format is right.
/// </summary>
public sealed class JsSdkConformanceTests
{
    [Fact]
    public async Task Sdk_runs_our_workflow_and_parses_every_result_and_error()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var r = await NodeRunner.RunAsync("conformance.mjs", emulator.Endpoint);

        Assert.Equal(TestEmulator.Us, Str(r, "callerIdentity.output.Account"));
        Assert.Equal($"arn:aws:iam::{TestEmulator.Us}:user/demo", Str(r, "callerIdentity.output.Arn"));

        var invitations = Node(r, "invitations.output.collaborationList")!.AsArray();
        Assert.Equal(3, invitations.Count);
        Assert.Contains(invitations, c => c!["id"]!.GetValue<string>() == TestEmulator.AmcCollaboration && c["name"]!.GetValue<string>() == "AMC Collaboration");
        Assert.All(invitations, c => Assert.NotNull(c!["createTime"]!["$date"]));
        Assert.Equal(3, Node(r, "members.output.memberSummaries")!.AsArray().Count);

        Assert.Equal(200, Node(r, "createMembership.status")!.GetValue<int>());
        Assert.Equal("ACTIVE", Str(r, "createMembership.output.membership.status"));
        Assert.False(Node(r, "createMembership.output.membership.paymentConfiguration.queryCompute.isResponsible")!.GetValue<bool>());
        Assert.NotNull(Str(r, "createMembership.output.membership.createTime.$date"));
        Assert.Equal("ConflictException", Str(r, "createMembershipAgain.name"));
        Assert.Equal(409, Node(r, "createMembershipAgain.status")!.GetValue<int>());
        Assert.Single(Node(r, "activeMemberships.output.membershipSummaries")!.AsArray());

        Assert.Single(Node(r, "firstPage.output.configuredTableSummaries")!.AsArray());
        Assert.NotNull(Str(r, "firstPage.output.nextToken"));
        Assert.Equal(34, Node(r, "pagination.pages")!.GetValue<int>());
        var names = Node(r, "pagination.names")!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(34, names.Distinct().Count());
        Assert.Equal("ValidationException", Str(r, "invalidToken.name"));

        Assert.Equal("acx_part_age", Str(r, "createAssociation.output.configuredTableAssociation.name"));
        Assert.Equal("ConflictException", Str(r, "duplicateAssociation.name"));
        Assert.Equal("ALREADY_EXISTS", Str(r, "duplicateAssociation.fields.reason"));
        Assert.Equal("CONFIGURED_TABLE_ASSOCIATION", Str(r, "duplicateAssociation.fields.resourceType"));
        Assert.Equal("ValidationException", Str(r, "invalidAssociation.name"));
        Assert.Equal("FIELD_VALIDATION_FAILED", Str(r, "invalidAssociation.fields.reason"));
        var invalidFields = Node(r, "invalidAssociation.fields.fieldList")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["name", "roleArn"], invalidFields);
        Assert.Equal("ResourceNotFoundException", Str(r, "unknownMembership.name"));
        Assert.Equal("MEMBERSHIP", Str(r, "unknownMembership.fields.resourceType"));
        Assert.Equal("00000000-0000-0000-0000-000000000000", Str(r, "unknownMembership.fields.resourceId"));

        Assert.Equal("CUSTOM", Str(r, "createRule.output.analysisRule.type"));
        Assert.Equal(2, Node(r, "createRule.output.analysisRule.policy.v1.custom.allowedResultReceivers")!.AsArray().Count);
        Assert.Equal("CUSTOM", Str(r, "associationWithRule.output.configuredTableAssociation.analysisRuleTypes.0"));
        Assert.Equal("SOURCE", Str(r, "createIdNamespaceAssociation.output.idNamespaceAssociation.inputReferenceProperties.idNamespaceType"));
        Assert.Equal("ACXIdNamespace", Str(r, "idNamespaceByArn.output.idNamespaceName"));
        Assert.Equal(204, Node(r, "deleteAssociation.status")!.GetValue<int>());
    }

    private static JsonNode? Node(JsonObject root, string path) => JsonPath.Get(root, path);

    private static string? Str(JsonObject root, string path) => JsonPath.Str(root, path);
}
