using System.Net;
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
