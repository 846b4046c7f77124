using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Tests.Fixtures;
using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// Issue #16: `up` records on each membership what it applied (tags <c>cleanrooms-stack:managed*</c>), so a later plan
/// tells a resource deleted outside the config from work never applied — also after a partial failure, when the record
/// holds what really exists. Against the emulator over signed HTTP.
/// </summary>
public sealed class RecordTests
{
    private static readonly string Demo = StackWorld.DemoConfig;

    [Fact]
    public async Task Up_records_every_resource_it_applied_once_and_a_deletion_outside_the_config_is_then_drift()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(Demo);
        var planning = await world.PlanningAsync();
        var live = planning.Live!.Memberships.Single();
        // A plan with nothing to create doesn't read the record; up does.
        Assert.Null(live.Tags);
        var record = ManagedRecord.Read(await world.Client().ListTagsForResourceAsync(live.Arn, default))!;
        Assert.True(record.SameAs(ManagedRecord.After(planning.Plan!.Collaborations.Single())));
        Assert.Equal(51, record.Count);

        // A run with nothing to change writes nothing, the record included.
        world.Emulator.ResetStats();
        var again = await world.UpAsync();
        Assert.Empty(again.Result.Records);
        Assert.DoesNotContain(world.Emulator.GetStats(), s => s.Key == "TagResource" && s.Value.Requests > 0);

        var association = live.TableAssociations.Single(a => a.Name == "acx_part_age");
        await world.Client().DeleteConfiguredTableAssociationAsync(live.Id, association.Id, default);
        var report = DriftReport.Of(await world.PlanAsync());

        Assert.True(report.HasDrift);
        Assert.Equal(["table-association[acx_part_age]", "table-association[acx_part_age]/analysis-rule[CUSTOM]"],
            report.DeletedOutside.Select(d => d.Change.Address.ToString().Split('/', 2)[1]));
        Assert.Empty(report.Pending.Changes);
        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        // Re-created as recorded: the record is the same, so it isn't written again.
        Assert.Empty(rerun.Result.Records);
        Assert.False((await world.PlanAsync()).HasChanges);
    }

    [Fact]
    public async Task After_a_partial_failure_the_record_holds_what_exists_so_what_failed_is_pending_not_deleted()
    {
        // Room for one of the two associations: the other's create fails (402), and its rule is skipped.
        await using var world = await StackWorld.StartAsync(1, quotas: new EmulatorQuotas { TableAssociationsPerMembership = 1 }, persist: true);

        var run = await world.UpAsync();

        Assert.False(run.Result.Succeeded);
        Assert.Equal("ServiceQuotaExceededException", Assert.Single(run.Result.With(OutcomeStatus.Failed)).ErrorCode);
        var recorded = Assert.Single(run.Result.Records);
        // The membership holds one association, its rule and the ID namespace association: what exists, not what was planned.
        Assert.Equal((OutcomeStatus.Succeeded, 3), (recorded.Status, recorded.Resources));
        await world.StopAsync();
        await world.RestartAsync(new EmulatorQuotas());
        var report = DriftReport.Of(await world.PlanAsync());
        Assert.False(report.HasDrift, string.Join("\n", report.DeletedOutside.Select(d => d.Change.Address)));
        Assert.Equal(2, report.Pending.Changes.Count());

        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        Assert.Equal(OnboardingWorld.ChangesPerCollaboration - 1, Assert.Single(rerun.Result.Records).Resources);
        await world.AssertConvergedAsync(1);
    }

    [Fact]
    public async Task A_membership_without_a_record_gets_one_from_a_run_with_nothing_else_to_change()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(Demo);
        var live = (await world.PlanningAsync()).Live!.Memberships.Single();
        var api = world.Client();
        var tags = await api.ListTagsForResourceAsync(live.Arn, default);
        await api.UntagResourceAsync(live.Arn, tags.Keys.Where(k => k.StartsWith(TagPaths.ReservedPrefix, StringComparison.Ordinal)).ToList(), default);
        var plan = (await world.UpPlanningAsync()).Plan!;
        Assert.False(plan.HasChanges);
        Assert.True(ManagedRecord.NeedsWriting(plan.Collaborations.Single()));
        world.Emulator.ResetStats();

        var run = await world.UpAsync();

        Assert.Empty(run.Result.Outcomes);
        Assert.Equal(OutcomeStatus.Succeeded, Assert.Single(run.Result.Records).Status);
        Assert.Equal(1, world.Emulator.GetStats()["TagResource"].Requests);
        Assert.Equal(51, ManagedRecord.Read(await api.ListTagsForResourceAsync(live.Arn, default))!.Count);
        Assert.Contains(AuditAssert.Read(world.AuditPath), e => e.Action == Audit.AuditEntry.RecordAction && e.AwsId == live.Id);
    }

    [Fact]
    public async Task A_shorter_record_removes_the_chunks_of_the_longer_one_and_keeps_other_tags()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(Demo);
        var live = (await world.PlanningAsync()).Live!.Memberships.Single();
        var api = world.Client();
        await api.TagResourceAsync(live.Arn, new Dictionary<string, string> { ["owner"] = "console" }, default);
        Assert.Contains($"{ManagedRecord.Key}:2", (await api.ListTagsForResourceAsync(live.Arn, default)).Keys);
        world.WriteConfig(Demo.Replace("max: 25", "max: 5"));

        var run = await world.UpAsync();

        Assert.True(run.Result.Succeeded, ConvergenceTests.Describe(run));
        Assert.Equal(11, Assert.Single(run.Result.Records).Resources);
        var tags = await api.ListTagsForResourceAsync(live.Arn, default);
        Assert.Equal([ManagedRecord.Key, $"{ManagedRecord.Key}:1", "owner"], tags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(11, ManagedRecord.Read(tags)!.Count);
    }
}
