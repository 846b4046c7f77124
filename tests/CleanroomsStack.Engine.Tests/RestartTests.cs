using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>The service goes away in the middle of a run: the run reports what failed, and the next one converges.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task TheEmulatorKilledAndRestartedMidRunThenReRunConverges()
    {
        await using var world = await StackWorld.StartAsync(4, new FaultSettings { LatencyMs = 250 }, persist: true);
        Task? stopped = null;
        // The kill must land mid-run: the observer holds the applier (this is a test hook, not code under test) until the
        // emulator is gone, so the rest of the run meets a dead endpoint however fast the emulator answers.
        var observer = new RecordingObserver(actAfter: 2, act: () =>
        {
            stopped = world.StopAsync();
            stopped.Wait(TimeSpan.FromSeconds(30));
        });
        // Few attempts: against a dead endpoint every call fails fast instead of retrying for minutes.
        var apply = StackWorld.FastApply with { Attempts = StackWorld.FastApply.Attempts with { MaxAttempts = 2 } };
        world.ClientRetry = StackWorld.FastRetry with { MaxAttempts = 2 };

        var run = await world.UpAsync(apply, observer);

        Assert.NotNull(stopped);
        await stopped;
        Assert.False(run.Result.Succeeded, $"succeeded {run.Result.Count(OutcomeStatus.Succeeded)} of {run.Result.Outcomes.Count}, stopped={stopped.IsCompleted}");
        Assert.True(run.Result.Count(OutcomeStatus.Succeeded) >= 2);
        Assert.Contains(run.Result.Outcomes, o => o.Status == OutcomeStatus.Failed && o.ErrorCode is "ConnectionFailure" or "EndpointUnreachable");

        await world.RestartAsync();
        var rerun = await world.UpAsync();

        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        await world.AssertConvergedAsync(4);
    }
}
