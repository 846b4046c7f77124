using System.Diagnostics;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>Ctrl-C stops scheduling and lets calls in flight finish; a second one abandons them; the next run converges.</summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public async Task InterruptedAfterKAppliedChangesThenReRunConverges(int k)
    {
        await using var world = await StackWorld.StartAsync(3);
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver(actAfter: k, act: stop.Cancel);

        var run = await world.UpAsync(StackWorld.FastApply with { Parallelism = 1, MaxInFlight = 1 }, observer, stop.Token);

        Assert.True(run.Result.Cancelled);
        Assert.False(run.Result.Succeeded);
        // With one change at a time nothing is in flight when the k-th finishes, so exactly k were done.
        Assert.Equal(k, run.Result.Count(OutcomeStatus.Succeeded));
        Assert.Empty(run.Result.With(OutcomeStatus.Failed));
        Assert.Equal(run.Plan.Summary.TotalChanges, run.Result.Outcomes.Count);
        Assert.All(run.Result.With(OutcomeStatus.Skipped), s => Assert.Contains("interrupted", s.Message));

        var rerun = await world.UpAsync();

        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        Assert.Equal(run.Plan.Summary.TotalChanges - k, rerun.Plan.Summary.TotalChanges);
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task CallsInFlightWhenInterruptedAreLetFinishWithinTheGracePeriod()
    {
        await using var world = await StackWorld.StartAsync(1, SlowAssociations(latencyMs: 600));
        using var stop = new CancellationTokenSource();
        // Stop as soon as the membership exists: both associations are then in flight for ~600 ms.
        var observer = new RecordingObserver(actAfter: 1, act: () => stop.CancelAfter(200));

        var run = await world.UpAsync(StackWorld.FastApply with { InFlightGrace = TimeSpan.FromSeconds(5) }, observer, stop.Token);

        Assert.True(run.Result.Cancelled);
        // The membership, then both associations and the ID namespace association (in flight together) finished.
        Assert.Equal(4, run.Result.Count(OutcomeStatus.Succeeded));
        Assert.Empty(run.Result.With(OutcomeStatus.Failed));
        Assert.Equal(2, run.Result.Count(OutcomeStatus.Skipped)); // the two rules never started
        await world.UpAsync();
        await world.AssertConvergedAsync(1);
    }

    [Fact]
    public async Task ASecondInterruptionAbandonsCallsInFlightAtOnceAndTheNextRunConverges()
    {
        await using var world = await StackWorld.StartAsync(1, SlowAssociations(latencyMs: 10_000));
        using var stop = new CancellationTokenSource();
        ApplyInterruption? interruption = null;
        var sinceAbort = new Stopwatch();
        var observer = new RecordingObserver(actAfter: 1, act: () => Task.Run(async () =>
        {
            // Both association creates in flight (for 10 s), whatever the load on the machine, then two Ctrl-Cs.
            await world.WaitUntilEmulatorReceivesAsync("CreateConfiguredTableAssociation", count: 2);
            stop.Cancel();           // first Ctrl-C
            await Task.Delay(100);
            sinceAbort.Start();
            interruption!.AbortNow(); // second Ctrl-C
        }));
        interruption = new ApplyInterruption(stop.Token, grace: TimeSpan.FromMinutes(1));

        var result = (await world.UpAsync(interruption, observer: observer)).Result;

        // Timed from the second Ctrl-C, not from the start: planning on a loaded machine is no part of the abort.
        Assert.True(sinceAbort.Elapsed < TimeSpan.FromSeconds(5), $"the abort took {sinceAbort.Elapsed}");
        Assert.True(result.Cancelled);
        var abandoned = result.With(OutcomeStatus.Failed).ToList();
        Assert.Equal(2, abandoned.Count);
        Assert.All(abandoned, a => Assert.Contains("in flight", a.Message));
        interruption.Dispose();

        world.Emulator.SetFaults(FaultSettings.None);
        await world.WaitUntilEmulatorIdleAsync(); // the emulator finishes the abandoned requests; they may or may not have created
        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        await world.AssertConvergedAsync(1);
    }

    [Fact]
    public async Task AfterTheFirstCtrlCNoCallQueuedOnTheRateLimiterIsSentEveryChangeMadeIsAuditedAndTheNextRunConverges()
    {
        // At 2 requests/s per operation, as with --max-rps 2, the changes of three collaborations queue on the limiter.
        await using var world = await StackWorld.StartAsync(3);
        var gate = new CallGate();
        world.ClientGate = gate;
        world.ClientRateLimit = RateLimitOptions.Default with { RequestsPerSecond = 2, Burst = 1 };
        var api = world.Client();
        var planning = await world.PlanningAsync(api);
        using var stop = new CancellationTokenSource();
        long sentBeforeStop = -1;
        var observer = new RecordingObserver(actAfter: 4, act: () =>
        {
            gate.Close();                        // the first Ctrl-C closes the session's gate (UpCommand)…
            sentBeforeStop = gate.Admitted;      // …after which nothing more is admitted
            stop.Cancel();
        });
        using var interruption = new ApplyInterruption(stop.Token, TimeSpan.FromMinutes(1), gate);

        var result = (await world.ApplyAsync(planning, api, interruption, StackWorld.FastApply, observer)).Result;
        await world.WaitUntilEmulatorIdleAsync();

        Assert.True(result.Cancelled);
        // Every request the emulator received was sent before the stop (those in flight then included).
        Assert.Equal(sentBeforeStop, world.Emulator.GetStats().Values.Sum(s => s.Requests));
        // Changes had started and were waiting for the limiter: they end "not started", never half-sent.
        var refused = result.With(OutcomeStatus.Skipped).Where(s => observer.Started.Contains(s.Change)).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, s => Assert.Contains("not started: the run was interrupted", s.Message));
        world.ClientGate = null;
        world.ClientRateLimit = RateLimitOptions.Unlimited;
        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        await world.AssertConvergedAsync(3); // the audit log of both runs is true to the state
    }

    // No read-after-write lag: the counts of calls in flight assume a create ends with its response.
    private static FaultSettings SlowAssociations(int latencyMs) => new()
    {
        Behaviour = AwsBehaviour.Naive,
        Operations = new Dictionary<string, OperationFaults> { ["CreateConfiguredTableAssociation"] = new() { LatencyMs = latencyMs } },
    };
}
