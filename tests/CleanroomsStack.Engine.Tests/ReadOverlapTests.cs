using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// The live-state reads don't wait for the inventory's ListMembers calls (one per collaboration, on their own rate
/// budget), and a plan that fails on its config stops the reads it started.
/// </summary>
public sealed class ReadOverlapTests
{
    [Fact]
    public async Task Membership_reads_start_while_the_members_are_still_being_read()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(StackWorld.DemoConfig);
        var membershipReadStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var api = HookedApi.Wrap(world.Client(), async (name, _) =>
        {
            if (name == nameof(ICleanRoomsApi.ListConfiguredTableAssociationsAsync)) membershipReadStarted.TrySetResult();
            // Read one after the other, the members would wait here for a membership read that never comes.
            if (name == nameof(ICleanRoomsApi.ListMembersAsync)) await membershipReadStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        });

        var planning = await world.PlanningAsync(api);

        Assert.False(planning.Plan!.HasChanges);
        Assert.Single(planning.Live!.Memberships);
    }

    [Fact]
    public async Task A_config_error_found_by_expansion_cancels_the_reads_already_started_and_is_reported_alone()
    {
        var config = StackWorld.DemoConfig + """
              - name: Not Ours
                id: 00000000-0000-4000-8000-0000000000ff

            """;
        await using var world = await StackWorld.StartDemoAppliedAsync(StackWorld.DemoConfig);
        var api = HookedApi.Wrap(world.Client(), async (name, ct) =>
        {
            // A membership read that would never end unless the pipeline cancels it.
            if (name == nameof(ICleanRoomsApi.ListConfiguredTableAssociationsAsync)) await Task.Delay(Timeout.Infinite, ct);
        });
        var loaded = ConfigLoader.Load(config, "collaborations.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));

        var planning = await new StackPipeline(api, StackWorld.Region, parallelism: 4)
            .PlanAsync(loaded.Config!, PlanOptions.Default, default).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(planning.Failed);
        Assert.Null(planning.Live);
        var error = Assert.Single(planning.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("00000000-0000-4000-8000-0000000000ff", error.Message);
    }
}
