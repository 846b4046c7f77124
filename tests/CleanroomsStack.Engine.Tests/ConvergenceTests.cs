using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>`up` against an API that fails, loses responses and lags behind its own writes still ends in the desired state.</summary>
public sealed class ConvergenceTests
{
    /// <summary>Reads under a 30% error rate need a deeper retry budget than the default test one to keep planning reliable.</summary>
    private static readonly Aws.Configuration.RetryOptions PatientReads = StackWorld.FastRetry with { MaxAttempts = 14 };

    [Fact]
    public async Task TwentyInvitationsWithInjected500sAndLostResponsesConvergeWithinTwoRuns()
    {
        await using var world = await StackWorld.StartAsync(20, new FaultSettings { Seed = 6, ErrorRate = 0.3, LostResponseRate = 0.1 });
        world.ClientRetry = PatientReads;

        var first = await world.UpAsync();
        var runs = new List<UpRun> { first };
        if (!first.Result.Succeeded) runs.Add(await world.UpAsync());

        Assert.True(runs[^1].Result.Succeeded, Describe(runs[^1]));
        Assert.Equal(20 * OnboardingWorld.ChangesPerCollaboration, first.Plan.Summary.Create);
        var stats = world.Emulator.GetStats().Values.ToList();
        Assert.True(stats.Sum(s => s.LostResponses) > 0 && stats.Sum(s => s.InjectedErrors) > 0, "the faults were not injected");
        // A lost create response is found again by re-reading, not created twice.
        Assert.Contains(runs.SelectMany(r => r.Result.Outcomes), o => o.Adopted);
        world.Emulator.SetFaults(FaultSettings.None);
        await world.AssertConvergedAsync(20);
    }

    [Fact]
    public async Task ReadAfterWriteLagOfTwoSecondsOnEveryCreateConvergesInOneRunWithoutFailures()
    {
        await using var world = await StackWorld.StartAsync(3, new FaultSettings { ReadAfterWriteLagMs = 2000 });

        var run = await world.UpAsync();

        Assert.True(run.Result.Succeeded, Describe(run));
        Assert.Equal(3 * OnboardingWorld.ChangesPerCollaboration, run.Result.Count(OutcomeStatus.Succeeded));
        world.EmulatorClock.Skip(TimeSpan.FromSeconds(2.1)); // until lists show what the run created
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task ARunEndsOnlyWhenReadsShowWhatItMadeSoAPlanRightAfterItIsEmptyDespiteTheLag()
    {
        // AWS's CloudFormation handlers poll after every create until reads show it; so does the applier.
        await using var world = await StackWorld.StartAsync(2, new FaultSettings { ReadAfterWriteLagMs = 1500, Behaviour = new AwsBehaviour { LagMs = 1500 } });
        Assert.True((await world.UpAsync()).Result.Succeeded);

        var second = await world.UpAsync();

        Assert.True(second.Result.Succeeded, Describe(second));
        Assert.Equal(0, second.Plan.Summary.Create);
        await world.AssertConvergedAsync(2);
    }

    [Fact]
    public async Task CreatesWhoseConnectionIsResetAfterTheWriteAreFoundAgainNotDuplicated()
    {
        var reset = new OperationFaults { LostResponseRate = 0.5 };
        await using var world = await StackWorld.StartAsync(3, new FaultSettings
        {
            Seed = 3,
            LostResponseMode = "reset",
            Operations = new[] { "CreateMembership", "CreateConfiguredTableAssociation", "CreateConfiguredTableAssociationAnalysisRule", "CreateIdNamespaceAssociation" }
                .ToDictionary(o => o, _ => reset),
        });

        var run = await world.UpAsync();

        Assert.True(run.Result.Succeeded, Describe(run));
        Assert.Contains(run.Result.Outcomes, o => o.Adopted && o.Calls!.Any(c => c.ErrorCode == "ConnectionFailure"));
        world.Emulator.SetFaults(FaultSettings.None);
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task ThrottlingBelowTheClientsPaceSlowsTheRunButDoesNotFailIt()
    {
        await using var world = await StackWorld.StartAsync(3, new FaultSettings { RateLimit = 3, RateLimitBurst = 1 });
        // As the CLI's client: paced at AWS's rate, adapting when throttled.
        world.ClientRateLimit = Aws.Configuration.RateLimitOptions.Default;

        var run = await world.UpAsync(StackWorld.FastApply with { Parallelism = 3 });

        Assert.True(run.Result.Succeeded, Describe(run));
        Assert.True(world.Emulator.GetStats().Values.Sum(s => s.Throttled) > 0, "nothing was throttled");
        world.Emulator.SetFaults(FaultSettings.None);
        await world.AssertConvergedAsync(3);
    }

    [Fact]
    public async Task LostCreateResponsesWhileReadsLagAreAdoptedOnceTheyShowUp()
    {
        var lost = new OperationFaults { LostResponseRate = 0.4 };
        await using var world = await StackWorld.StartAsync(3, new FaultSettings
        {
            Seed = 11,
            ReadAfterWriteLagMs = 1000,
            Operations = new[] { "CreateMembership", "CreateConfiguredTableAssociation", "CreateConfiguredTableAssociationAnalysisRule", "CreateIdNamespaceAssociation" }
                .ToDictionary(o => o, _ => lost),
        });

        var run = await world.UpAsync();

        // The re-read right after a lost response can't see the new resource yet; the repeated create meets
        // ALREADY_EXISTS, and the applier waits until reads show the resource instead of failing or duplicating.
        Assert.True(run.Result.Succeeded, Describe(run));
        Assert.Contains(run.Result.Outcomes, o => o.Adopted && o.Change.Kind == IdNamespaceAssociationKind.Instance);
        world.Emulator.SetFaults(FaultSettings.None);
        await world.AssertConvergedAsync(3);
    }

    public static string Describe(UpRun run) => string.Join("\n", run.Result.Outcomes
        .Where(o => o.Status != OutcomeStatus.Succeeded)
        .Select(o => $"{o.Status} {o.Change.Address}: {o.Message} ({o.Hint})"));
}
