using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>Real Ctrl-C (SIGINT) and SIGTERM sent to the real program in the middle of `up`.</summary>
public sealed class SignalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task ASignalStopsSchedulingPrintsWhatWasAndWasntDoneAndExits130ThenAReRunConverges(string signal)
    {
        await using var world = await StackWorld.StartAsync(2, SlowCreates(latencyMs: 300));
        using var cli = CliProcess.Start(world, "up", "--yes", "--parallel", "1", "--audit-log", world.AuditPath);
        await cli.WaitForLineAsync(CreatedAMembership, Patience);

        cli.Signal(signal);
        var exit = await cli.WaitForExitAsync(Patience);

        Assert.True(exit == 130, cli.Output);
        Assert.Contains("Apply interrupted", cli.Output);
        Assert.Contains("not started: the run was interrupted", cli.Output);
        Assert.DoesNotContain("interrupted while in flight", cli.Output); // the calls in flight had time to finish
        world.Emulator.SetFaults(FaultSettings.None);
        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        await world.AssertConvergedAsync(2);
    }

    [Fact]
    public async Task TheFirstCtrlCSaysAtOnceHowManyCallsWillFinishNoQueuedCallIsSentAndAReRunConverges()
    {
        await using var world = await StackWorld.StartAsync(3);
        using var cli = CliProcess.Start(world, "up", "--yes", "--max-rps", "2", "--audit-log", world.AuditPath);
        await cli.WaitForLineAsync(CreatedAMembership, Patience);

        cli.Signal("INT");
        // "At once": long before the calls queued at 2 requests/s could have drained.
        await cli.WaitForLineAsync(l => l.StartsWith("stopping: ", StringComparison.Ordinal), TimeSpan.FromSeconds(3));
        var exit = await cli.WaitForExitAsync(Patience);

        Assert.True(exit == 130, cli.Output);
        Assert.Matches(@"stopping: (\d+ calls? in flight will finish and no other will start; press Ctrl-C again to abandon (them|it)|no call is in flight)", cli.Output);
        Assert.Contains("Apply interrupted", cli.Output);
        Assert.Contains("not started: the run was interrupted", cli.Output);
        var rerun = await world.UpAsync();
        Assert.True(rerun.Result.Succeeded, ConvergenceTests.Describe(rerun));
        await world.AssertConvergedAsync(3); // every change either run made is in the audit log
    }

    [Fact]
    public async Task ASecondCtrlCAbandonsCallsInFlightAtOnce()
    {
        await using var world = await StackWorld.StartAsync(1, new FaultSettings
        {
            Operations = new Dictionary<string, OperationFaults> { ["CreateConfiguredTableAssociation"] = new() { LatencyMs = 20_000 } },
        });
        using var cli = CliProcess.Start(world, "up", "--yes", "--audit-log", world.AuditPath);
        await cli.WaitForLineAsync(CreatedAMembership, Patience);
        // Signal once an association create is in flight (for 20 s): a fixed pause came too early on a loaded machine.
        await world.WaitUntilEmulatorReceivesAsync("CreateConfiguredTableAssociation");

        cli.Signal("INT");
        await Task.Delay(200);
        cli.Signal("INT");
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.True(exit == 130, cli.Output);
        Assert.Contains("interrupted while in flight", cli.Output);
        Assert.Contains("Apply interrupted", cli.Output);
    }

    /// <summary>An apply line of a created membership, named as the plan names it ("+ created Collaboration 01: membership …").</summary>
    private static bool CreatedAMembership(string line) => line.StartsWith("+ created Collaboration ", StringComparison.Ordinal) && line.Contains(": membership ", StringComparison.Ordinal);

    private static FaultSettings SlowCreates(int latencyMs) => new()
    {
        Operations = new[] { "CreateConfiguredTableAssociation", "CreateConfiguredTableAssociationAnalysisRule", "CreateIdNamespaceAssociation" }
            .ToDictionary(o => o, _ => new OperationFaults { LatencyMs = latencyMs }),
    };
}
