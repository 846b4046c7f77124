using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Accepting invitations (CreateMembership) and leaving (DeleteMembership), with AWS's rules.</summary>
public sealed class MembershipRuleTests
{
    [Fact]
    public async Task Joining_turns_the_invitation_active_everywhere_it_shows()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var membershipId = await Scenario.JoinAsync(us);

        var active = (await us.GetAsync("/collaborations?memberStatus=ACTIVE")).Expect(HttpStatusCode.OK);
        Assert.Equal(TestEmulator.AmcCollaboration, active.Str("collaborationList.0.id"));
        Assert.Equal(membershipId, active.Str("collaborationList.0.membershipId"));
        var invited = (await us.GetAsync("/collaborations?memberStatus=INVITED")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, invited.Node("collaborationList")!.AsArray().Count);

        var members = (await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/members")).Expect(HttpStatusCode.OK);
        var me = members.Node("memberSummaries")!.AsArray().Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Us)!;
        Assert.Equal("ACTIVE", me["status"]!.GetValue<string>());
        Assert.Equal(membershipId, me["membershipId"]!.GetValue<string>());

        var membership = (await us.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("AMC", membership.Str("membership.collaborationCreatorDisplayName"));
        Assert.Empty(membership.Node("membership.memberAbilities")!.AsArray());
        Assert.Equal($"arn:aws:cleanrooms:us-east-1:{TestEmulator.Us}:membership/{membershipId}", membership.Str("membership.arn"));
    }

    [Fact]
    public async Task Joining_twice_is_a_conflict()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await Scenario.JoinAsync(us);

        var again = await us.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });

        again.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("ALREADY_EXISTS", again.Str("reason"));
    }

    [Fact]
    public async Task An_account_that_was_not_invited_cannot_join()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var outsider = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);

        var response = await outsider.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });

        response.ExpectError(HttpStatusCode.Conflict, "ConflictException");
    }

    [Fact]
    public async Task Unknown_collaboration_is_not_found()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        const string unknown = "11111111-2222-4333-8444-555555555555";

        var response = await us.PostAsync("/memberships", new JsonObject { ["collaborationIdentifier"] = unknown, ["queryLogStatus"] = "ENABLED" });

        response.ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.Equal(unknown, response.Str("resourceId"));
        Assert.Equal("COLLABORATION", response.Str("resourceType"));
    }

    [Fact]
    public async Task Missing_and_malformed_members_are_all_reported_in_the_field_list()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var response = await us.PostAsync("/memberships", new JsonObject { ["collaborationIdentifier"] = "27B93E2B-5001-4B20-A47B-6AAD96EC8958" });

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("FIELD_VALIDATION_FAILED", response.Str("reason"));
        var fields = response.Node("fieldList")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["collaborationIdentifier", "queryLogStatus"], fields);
        Assert.StartsWith("2 validation errors detected: Value '27B93E2B-5001-4B20-A47B-6AAD96EC8958' at 'collaborationIdentifier' failed to satisfy constraint",
            response.Str("message"), StringComparison.Ordinal);
        Assert.Contains("Value null at 'queryLogStatus' failed to satisfy constraint: Member must not be null", response.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_responsibility_must_match_what_the_creator_assigned()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var response = await us.PostAsync("/memberships", new JsonObject
        {
            ["collaborationIdentifier"] = TestEmulator.AmcCollaboration,
            ["queryLogStatus"] = "ENABLED",
            ["paymentConfiguration"] = new JsonObject { ["queryCompute"] = new JsonObject { ["isResponsible"] = true } },
        });

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("INVALID_CONFIGURATION", response.Str("reason"));
    }

    [Fact]
    public async Task Memberships_per_account_quota_is_enforced()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { MembershipsPerAccount = 1 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await Scenario.JoinAsync(us);

        var second = await us.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60", ["queryLogStatus"] = "DISABLED" });

        second.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal("Memberships per account", second.Str("quotaName"));
        Assert.Equal(1.0, second.Node("quotaValue")!.GetValue<double>());
    }

    [Fact]
    public async Task Update_changes_only_what_is_sent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);

        var updated = (await us.PatchAsync($"/memberships/{membershipId}", new JsonObject { ["queryLogStatus"] = "DISABLED" })).Expect(HttpStatusCode.OK);
        Assert.Equal("DISABLED", updated.Str("membership.queryLogStatus"));

        var bad = await us.PatchAsync($"/memberships/{membershipId}", new JsonObject { ["queryLogStatus"] = "SOMETIMES" });
        bad.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("queryLogStatus", bad.Str("fieldList.0.name"));
    }

    [Fact]
    public async Task Result_configurations_round_trip_and_the_job_one_needs_a_role()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        JsonObject S3(string bucket) => new() { ["s3"] = new JsonObject { ["bucket"] = bucket, ["keyPrefix"] = "results/", ["resultFormat"] = "CSV" } };

        var updated = (await us.PatchAsync($"/memberships/{membershipId}", new JsonObject
        {
            ["jobLogStatus"] = "ENABLED",
            ["defaultResultConfiguration"] = new JsonObject { ["outputConfiguration"] = S3("query-results") },
            ["defaultJobResultConfiguration"] = new JsonObject { ["outputConfiguration"] = S3("job-results"), ["roleArn"] = TestEmulator.RoleArn },
        })).Expect(HttpStatusCode.OK);
        var noRole = await us.PatchAsync($"/memberships/{membershipId}", new JsonObject
        {
            ["defaultJobResultConfiguration"] = new JsonObject { ["outputConfiguration"] = S3("job-results") },
        });

        Assert.Equal("ENABLED", updated.Str("membership.jobLogStatus"));
        Assert.Equal("query-results", updated.Str("membership.defaultResultConfiguration.outputConfiguration.s3.bucket"));
        Assert.Equal("CSV", updated.Str("membership.defaultResultConfiguration.outputConfiguration.s3.resultFormat"));
        Assert.Equal(TestEmulator.RoleArn, updated.Str("membership.defaultJobResultConfiguration.roleArn"));
        noRole.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("defaultJobResultConfiguration.roleArn", noRole.Str("fieldList.0.name"));
    }

    [Fact]
    public async Task Deleting_a_membership_with_associations_is_refused_then_marks_it_removed_for_good()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tables = await Scenario.TablesAsync(us);
        var association = (await Scenario.AssociateAsync(us, membershipId, "acx_part_age", tables["part_age"])).Expect(HttpStatusCode.OK);

        var refused = await us.DeleteAsync($"/memberships/{membershipId}");
        refused.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("SUBRESOURCES_EXIST", refused.Str("reason"));

        (await us.DeleteAsync($"/memberships/{membershipId}/configuredTableAssociations/{association.Str("configuredTableAssociation.id")}"))
            .Expect(HttpStatusCode.NoContent);
        var deleted = (await us.DeleteAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal("", deleted.RawBody);

        Assert.Equal("REMOVED", (await us.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK).Str("membership.status"));
        var listed = (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK).Node("collaborationList")!.AsArray();
        Assert.DoesNotContain(listed, c => c!["id"]!.GetValue<string>() == TestEmulator.AmcCollaboration);
        var removed = (await us.GetAsync("/memberships?status=REMOVED")).Expect(HttpStatusCode.OK);
        Assert.Equal(membershipId, removed.Str("membershipSummaries.0.id"));
        var rejoin = await us.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });
        rejoin.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("INVALID_STATE", rejoin.Str("reason"));
    }
    [Fact]
    public async Task The_creator_cannot_leave_while_its_membership_is_active()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var amc = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        var membershipId = (await amc.GetAsync("/memberships?status=ACTIVE")).Expect(HttpStatusCode.OK).Str("membershipSummaries.0.id");

        var refused = await amc.DeleteAsync($"/memberships/{membershipId}");

        refused.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("Cannot delete membership for the creator of the collaboration while their membership is still ACTIVE", refused.Str("message"));
        Assert.Equal("ACTIVE", (await amc.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK).Str("membership.status"));
    }

    [Theory]
    [InlineData("privacybudgettemplates", """{"privacyBudgetType":"DIFFERENTIAL_PRIVACY","autoRefresh":"NONE","parameters":{"differentialPrivacy":{"epsilon":2,"usersNoisePerQuery":20}}}""")]
    [InlineData("configuredaudiencemodelassociations", """{"configuredAudienceModelArn":"arn:aws:cleanrooms-ml:us-east-1:239083076653:configured-audience-model/seg","configuredAudienceModelAssociationName":"seg","manageResourcePolicies":false}""")]
    public async Task A_resource_of_a_kind_the_tool_does_not_manage_also_keeps_the_membership_from_being_deleted(string collection, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        (await us.PostAsync($"/memberships/{membershipId}/{collection}", JsonNode.Parse(body)!.AsObject())).Expect(HttpStatusCode.OK);

        var refused = await us.DeleteAsync($"/memberships/{membershipId}");

        refused.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("SUBRESOURCES_EXIST", refused.Str("reason"));
    }
}
