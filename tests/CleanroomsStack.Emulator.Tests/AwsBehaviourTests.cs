using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>
/// The AWS behaviours the emulator plays by default (docs/emulator.md, "What AWS does that we model"), each against its
/// switch, over signed HTTP; lag runs on a manual clock, so nothing sleeps.
/// </summary>
public sealed class AwsBehaviourTests
{
    private const string Missing = "00000000-0000-4000-8000-00000000dead";

    [Fact]
    public async Task A_missing_resource_answers_403_access_denied_by_default_and_404_when_switched()
    {
        await using var aws = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Defaults);
        await using var naive = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Defaults with { MissingAs = AwsBehaviour.NotFound });
        using var us = SignedClient.For(aws.Endpoint, TestEmulator.Us);
        using var us404 = SignedClient.For(naive.Endpoint, TestEmulator.Us);

        foreach (var response in new[]
                 {
                     await us.GetAsync($"/memberships/{Missing}"), await us.DeleteAsync($"/memberships/{Missing}"),
                     await us.GetAsync($"/collaborations/{Missing}"), await us.DeleteAsync($"/memberships/{Missing}/configuredTableAssociations/{Missing}"),
                 })
        {
            response.ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
            Assert.Equal("INSUFFICIENT_PERMISSIONS", response.Str("reason"));
        }
        (await us404.GetAsync($"/memberships/{Missing}")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        // Lists answer for many resources and keep their own answers.
        (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_resource_is_missing_from_get_list_schemas_and_as_a_parent_until_the_lag_has_passed()
    {
        var clock = new ManualClock();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock }, AwsBehaviour.Defaults with { LagMs = 2000 });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var tables = await Scenario.TablesAsync(us);

        var membershipId = (await us.PostAsync("/memberships", new() { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" }))
            .Expect(HttpStatusCode.OK).Str("membership.id")!;
        (await us.GetAsync($"/memberships/{membershipId}")).ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
        Assert.Empty((await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray());
        (await Scenario.AssociateAsync(us, membershipId, "early", tables["part_age"])).ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");

        clock.Advance(TimeSpan.FromSeconds(2.5));
        (await us.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK);
        var associationId = (await Scenario.AssociateAsync(us, membershipId, "later", tables["part_age"])).Expect(HttpStatusCode.OK).Str("configuredTableAssociation.id")!;
        (await us.GetAsync($"/memberships/{membershipId}/configuredTableAssociations/{associationId}")).ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
        Assert.Empty((await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/schemas")).Expect(HttpStatusCode.OK).Node("schemaSummaries")!.AsArray());

        clock.Advance(TimeSpan.FromSeconds(2.5));
        (await us.GetAsync($"/memberships/{membershipId}/configuredTableAssociations/{associationId}")).Expect(HttpStatusCode.OK);
        Assert.Single((await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/schemas")).Expect(HttpStatusCode.OK).Node("schemaSummaries")!.AsArray());
    }

    [Fact]
    public async Task Readiness_counts_a_new_rule_only_after_the_delay_for_direct_and_additional_analysis()
    {
        var clock = new ManualClock();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock }, AwsBehaviour.Defaults with { LagMs = 0, ReadinessDelayMs = 5000 });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        var tables = await Scenario.TablesAsync(us);
        (await us.PatchAsync($"/configuredTables/{tables["part_age"]}/analysisRule/CUSTOM", new JsonObject
        {
            ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { ["custom"] = new JsonObject
            {
                ["allowedAnalyses"] = new JsonArray("ANY_QUERY"), ["additionalAnalyses"] = "ALLOWED",
            } } },
        })).Expect(HttpStatusCode.OK);
        var membershipId = await Scenario.JoinAsync(us);
        var allowed = await RuleWithAdditionalAnalysesAsync(us, membershipId, "age", tables["part_age"]);
        await RuleWithAdditionalAnalysesAsync(us, membershipId, "gender", tables["part_gender"]);
        async Task<List<(string Type, string Status, string Reasons)>> StatusAsync(string name)
        {
            var schema = (await partner.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/schemas/{name}")).Expect(HttpStatusCode.OK);
            return schema.Node("schema.schemaStatusDetails")!.AsArray().Select(d => (d!["analysisType"]!.GetValue<string>(), d["status"]!.GetValue<string>(),
                string.Join(",", d["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>())))).ToList();
        }

        Assert.Equal([("DIRECT_ANALYSIS", "NOT_READY", "COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED"), ("ADDITIONAL_ANALYSIS", "NOT_READY", "COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED")],
            await StatusAsync("age"));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal([("DIRECT_ANALYSIS", "READY", ""), ("ADDITIONAL_ANALYSIS", "READY", "")], await StatusAsync("age"));
        // The table's own rule doesn't let additional analyses use it.
        Assert.Equal([("DIRECT_ANALYSIS", "READY", ""), ("ADDITIONAL_ANALYSIS", "NOT_READY", "ADDITIONAL_ANALYSES_NOT_ALLOWED")], await StatusAsync("gender"));

        (await us.PatchAsync($"/memberships/{membershipId}/configuredTableAssociations/{allowed}/analysisRule/CUSTOM", new JsonObject
        {
            ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { ["custom"] = new JsonObject { ["allowedResultReceivers"] = new JsonArray(TestEmulator.Amc) } } },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal([("DIRECT_ANALYSIS", "READY", ""), ("ADDITIONAL_ANALYSIS", "NOT_READY", "ADDITIONAL_ANALYSES_NOT_CONFIGURED")], await StatusAsync("age"));
    }

    /// <summary>An association with a CUSTOM rule that lets AMC receive results and a Clean Rooms ML model run on the table; its id.</summary>
    private static async Task<string> RuleWithAdditionalAnalysesAsync(SignedClient us, string membershipId, string name, string tableId)
    {
        var id = (await Scenario.AssociateAsync(us, membershipId, name, tableId)).Expect(HttpStatusCode.OK).Str("configuredTableAssociation.id")!;
        (await us.PostAsync($"/memberships/{membershipId}/configuredTableAssociations/{id}/analysisRule", new JsonObject
        {
            ["analysisRuleType"] = "CUSTOM",
            ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { ["custom"] = new JsonObject
            {
                ["allowedResultReceivers"] = new JsonArray(TestEmulator.Amc),
                ["allowedAdditionalAnalyses"] = new JsonArray($"arn:aws:cleanrooms-ml:us-east-1:{TestEmulator.Amc}:configured-model-algorithm-association/*"),
            } } },
        })).Expect(HttpStatusCode.OK);
        return id;
    }

    [Theory]
    [InlineData(false, "ALREADY_EXISTS")]
    [InlineData(true, null)]
    public async Task A_repeated_create_conflicts_with_or_without_a_reason(bool withoutReason, string? reason)
    {
        await using var emulator = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Naive with { ConflictWithoutReason = withoutReason });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await Scenario.JoinAsync(us);

        var again = await us.PostAsync("/memberships", new() { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" });

        again.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal(reason, again.Str("reason"));
    }

    [Theory]
    [InlineData(AwsBehaviour.LeaveListed, 1)]
    [InlineData(AwsBehaviour.LeaveGone, 0)]
    public async Task A_left_membership_stays_listed_as_removed_or_is_gone(string leave, int listed)
    {
        await using var emulator = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Naive with { Leave = leave });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var amc = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        var membershipId = await Scenario.JoinAsync(us);

        (await us.DeleteAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.NoContent);

        var memberships = (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray();
        Assert.Equal(listed, memberships.Count);
        if (listed == 1) Assert.Equal("REMOVED", memberships[0]!["status"]!.GetValue<string>());
        var members = (await amc.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/members")).Expect(HttpStatusCode.OK).Node("memberSummaries")!.AsArray();
        Assert.Contains(members, m => m!["accountId"]!.GetValue<string>() == TestEmulator.Us && m["status"]!.GetValue<string>() == "LEFT");
    }

    [Fact]
    public async Task Repeated_list_items_start_each_page_with_the_last_item_of_the_one_before()
    {
        await using var emulator = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Naive with { RepeatListItems = true });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var names = await Scenario.TableNamesPageByPageAsync(us, pageSize: 10);

        Assert.Equal(34, names.Distinct().Count());
        Assert.True(names.Count > 34, "pages should repeat items");
    }
}
