using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Reading;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// Issue #8: a no-op plan of M memberships costs O(M) AWS calls, at most 5 per membership + 10 with a warm read cache
/// and one more per association without one, counted by the emulator over real signed HTTP. The membership's record of
/// what the last up applied (issue #16) is read only where the plan creates something, so a no-op plan reads no tag.
/// </summary>
public sealed class ReadCallBudgetTests
{
    private static readonly string DemoConfig = StackWorld.DemoConfig;

    private static readonly string ThreeCollaborations = DemoConfig + $"""
          - name: Retail Media Collaboration
            id: {DemoWorld.RetailCollaborationId}
          - name: Measurement Collaboration
            id: {DemoWorld.MeasurementCollaborationId}

        """;

    /// <summary>What any no-op plan of the demo world lists, once each: no membership is listed twice.</summary>
    private static readonly Dictionary<string, int> Lists = new()
    {
        ["GetCallerIdentity"] = 1, ["ListCollaborations"] = 1, ["ListConfiguredTables"] = 1, ["ListMemberships"] = 1, ["ListMembers"] = 1,
        ["ListConfiguredTableAssociations"] = 1, ["BatchGetSchemaAnalysisRule"] = 1, ["ListIdNamespaceAssociations"] = 1, ["ListIdMappingTables"] = 1,
    };

    private static int Budget(int memberships) => 5 * memberships + 10;

    [Fact]
    public async Task A_cold_no_op_plan_of_the_demo_world_gets_each_resource_once_within_budget()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(DemoConfig);

        var calls = await NoOpPlanCallsAsync(world, new InMemoryReadCache());

        var expected = new Dictionary<string, int>(Lists) { ["GetMembership"] = 1, ["GetConfiguredTableAssociation"] = 25, ["GetIdNamespaceAssociation"] = 1 };
        Assert.Equal(expected.OrderBy(e => e.Key), calls.OrderBy(e => e.Key));
        Assert.True(calls.Values.Sum() <= Budget(1) + 26, $"{calls.Values.Sum()} calls");
    }

    [Fact]
    public async Task A_warm_no_op_plan_of_the_demo_world_only_lists()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(DemoConfig);
        var cache = new InMemoryReadCache();
        await NoOpPlanCallsAsync(world, cache);

        var calls = await NoOpPlanCallsAsync(world, cache);

        Assert.Equal(Lists.OrderBy(e => e.Key), calls.OrderBy(e => e.Key));
        Assert.True(calls.Values.Sum() <= Budget(1), $"{calls.Values.Sum()} calls");
    }

    [Fact]
    public async Task Changes_made_outside_the_tool_after_a_warm_run_are_still_planned()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(DemoConfig);
        var cache = new InMemoryReadCache();
        var live = (await world.PlanningAsync(cache: cache)).Live!.Memberships.Single();
        var api = world.Client();
        var association = live.TableAssociations[3];
        await api.UpdateConfiguredTableAssociationAsync(new(live.Id, association.Id, RoleArn: $"arn:aws:iam::{DemoWorld.OurAccount}:role/someone-elses"), default);
        await api.UpdateMembershipAsync(new(live.Id, QueryLogStatus: "DISABLED"), default);
        await api.UpdateIdNamespaceAssociationAsync(new(live.Id, live.IdNamespaceAssociations.Single().Id, Description: "edited in the console"), default);
        world.Emulator.ResetStats();

        var plan = (await world.PlanningAsync(cache: cache)).Plan!;

        var updates = plan.Changes.Where(c => c.Action == ChangeAction.Update).Select(c => (c.Kind.AddressSegment, c.Diffs.Single().Path)).Order().ToList();
        Assert.Equal([("id-namespace-association", "description"), ("membership", "queryLogStatus"), ("table-association", "roleArn")], updates);
        // Only what changed was read again.
        var calls = Requests(world);
        Assert.Equal(1, calls["GetConfiguredTableAssociation"]);
        Assert.Equal(1, calls["GetMembership"]);
        Assert.Equal(1, calls["GetIdNamespaceAssociation"]);
    }

    [Fact]
    public async Task The_first_plan_after_up_with_the_read_cache_gets_nothing_up_created_yet_sees_what_changed_since()
    {
        await using var world = await StackWorld.StartDemoAsync(DemoConfig);
        var cache = new InMemoryReadCache();
        var up = await world.UpAsync(cache: cache);
        Assert.True(up.Result.Succeeded);
        Assert.Contains(up.Result.Outcomes, o => o.Change.Kind == AnalysisRuleKind.Instance && o.Change.Action == ChangeAction.Create);

        // Every rule up created moved its association's updateTime: the final listing kept those too.
        var calls = await NoOpPlanCallsAsync(world, cache);
        Assert.DoesNotContain(calls.Keys, op => op.StartsWith("Get", StringComparison.Ordinal) && op != "GetCallerIdentity");
        Assert.Equal(Lists.OrderBy(e => e.Key), calls.OrderBy(e => e.Key));

        var live = (await world.PlanningAsync(cache: cache)).Live!.Memberships.Single();
        await world.Client().UpdateConfiguredTableAssociationAsync(
            new(live.Id, live.TableAssociations[0].Id, RoleArn: $"arn:aws:iam::{DemoWorld.OurAccount}:role/someone-elses"), default);
        var plan = (await world.PlanningAsync(cache: cache)).Plan!;
        Assert.Equal("roleArn", plan.Changes.Single(c => c.Action == ChangeAction.Update).Diffs.Single().Path);
    }

    [Fact]
    public async Task A_cached_entry_that_lost_a_required_member_is_read_again_not_trusted()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(DemoConfig);
        var warm = new InMemoryReadCache();
        await NoOpPlanCallsAsync(world, warm);
        var entries = warm.Seen.ToDictionary();
        var (arn, entry) = entries.First(e => e.Key.Contains(":configuredtableassociation/", StringComparison.Ordinal));
        var damaged = JsonNode.Parse(entry.Details.GetRawText())!.AsObject();
        damaged.Remove("roleArn");
        entries[arn] = entry with { Details = JsonSerializer.SerializeToElement(damaged) };

        var calls = await NoOpPlanCallsAsync(world, new InMemoryReadCache(entries));

        Assert.Equal(1, calls["GetConfiguredTableAssociation"]);
        Assert.DoesNotContain("GetMembership", calls.Keys);
    }

    [Fact]
    public async Task Three_memberships_plan_in_calls_linear_in_memberships()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(ThreeCollaborations);
        var cache = new InMemoryReadCache();
        var live = (await world.PlanningAsync(cache: cache)).Live!;
        var associations = live.Memberships.Sum(m => m.TableAssociations.Count + m.IdNamespaceAssociations.Count);
        Assert.Equal(3, live.Memberships.Count);

        var cold = await NoOpPlanCallsAsync(world, new InMemoryReadCache());
        var warm = await NoOpPlanCallsAsync(world, cache);

        Assert.True(cold.Values.Sum() <= Budget(3) + associations, $"cold: {cold.Values.Sum()} calls for {associations} associations");
        Assert.True(warm.Values.Sum() <= Budget(3), $"warm: {warm.Values.Sum()} calls");
        Assert.Equal(1, warm["ListMemberships"]);
        Assert.DoesNotContain("ListTagsForResource", warm.Keys);
        Assert.DoesNotContain("GetConfiguredTableAssociation", warm.Keys);
    }

    [Fact]
    public async Task Only_a_membership_the_plan_creates_in_has_its_record_read_which_still_tells_what_was_deleted_outside()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(ThreeCollaborations);
        var membership = (await world.PlanningAsync()).Live!.Memberships.First(m => m.TableAssociations.Count > 0);
        var association = membership.TableAssociations[0];
        var api = world.Client();
        await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membership.Id, association.Id, "CUSTOM", default);
        await api.DeleteConfiguredTableAssociationAsync(membership.Id, association.Id, default);
        world.Emulator.ResetStats();

        var plan = (await world.PlanningAsync()).Plan!;

        var creates = plan.Changes.Where(c => c.Action == ChangeAction.Create).ToList();
        Assert.Equal(2, creates.Count); // the association and its rule
        Assert.All(creates, c => Assert.True(c.DeletedOutside, $"{c.Address} is not marked deleted outside"));
        Assert.Equal(1, Requests(world)["ListTagsForResource"]);
    }

    [Fact]
    public async Task Joined_collaborations_come_from_the_membership_list_so_only_invitations_are_paged()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(ThreeCollaborations);
        var api = world.Client();
        var invitations = (await api.ListCollaborationsAsync("INVITED", default)).Count;
        var joined = (await api.ListMembershipsAsync("ACTIVE", default)).Count;
        // Pages of at most half what was asked for: every list takes about one call per item.
        world.Emulator.SetFaults(new FaultSettings { ShortPages = true });

        var calls = await NoOpPlanCallsAsync(world, new InMemoryReadCache());

        Assert.Equal(3, joined);
        Assert.True(calls["ListMemberships"] >= joined, $"{calls["ListMemberships"]} ListMemberships pages");
        Assert.True(calls["ListCollaborations"] <= Math.Max(1, invitations), $"{calls["ListCollaborations"]} ListCollaborations pages for {invitations} invitations");
    }

    /// <summary>Plans once with the cache and returns the AWS calls it made by operation; the plan must be empty.</summary>
    private static async Task<Dictionary<string, int>> NoOpPlanCallsAsync(StackWorld world, IReadCache cache)
    {
        world.Emulator.ResetStats();
        var plan = (await world.PlanningAsync(cache: cache)).Plan!;
        Assert.False(plan.HasChanges, string.Join("\n", plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => c.Address)));
        return Requests(world);
    }

    private static Dictionary<string, int> Requests(StackWorld world) =>
        world.Emulator.GetStats().Where(s => s.Value.Requests > 0).ToDictionary(s => s.Key, s => s.Value.Requests);
}
