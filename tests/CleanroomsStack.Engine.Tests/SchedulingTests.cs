using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Emulator;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// The run keeps every AWS operation's rate busy at once: changes queue per operation across the whole run, so rules
/// never wait behind associations (of their own collaboration or another's) that are only waiting for their own rate.
/// Asserted as overlap and order of what was in flight, never as time.
/// </summary>
public sealed class SchedulingTests
{
    private const string CreateAssociation = "CreateConfiguredTableAssociation";

    [Fact]
    public async Task ARuleStartsAsSoonAsItsAssociationExistsEvenWhileOtherAssociationsOfItsCollaborationStillQueue()
    {
        await using var world = await StackWorld.StartAsync(1, tables: 10);
        world.ClientRateLimit = PacedAssociations(requestsPerSecond: 10);
        var observer = await UpRecordedAsync(world, StackWorld.FastApply with { InFlightPerOperation = 2 });

        var starts = observer.Timeline.Where(e => e.Started).Select(e => e.Change).ToList();
        var firstRule = starts.FindIndex(c => c.Kind == AnalysisRuleKind.Instance);
        var lastAssociation = starts.FindLastIndex(c => c.Kind == TableAssociationKind.Instance);
        Assert.True(firstRule < lastAssociation,
            $"the first rule started only after every association had started ({firstRule} > {lastAssociation})");
        await world.AssertConvergedAsync(1, onboarded: false);
    }

    [Fact]
    public async Task RulesOfOneCollaborationRunWhileAssociationsOfAnotherAreInFlight()
    {
        var faults = new FaultSettings { RateLimit = 20, RateLimitBurst = 5, LatencyMs = 20 };
        await using var world = await StackWorld.StartAsync(3, faults, tables: 6);
        world.ClientRateLimit = new RateLimitOptions(RequestsPerSecond: 20, Burst: 2);
        var observer = await UpRecordedAsync(world, StackWorld.FastApply with { Parallelism = 3 });

        var overlaps = InFlightTogether(observer).Any(pair =>
            pair.Started.Kind == AnalysisRuleKind.Instance && pair.Other.Kind == TableAssociationKind.Instance
            && pair.Started.Address.CollaborationId != pair.Other.Address.CollaborationId);
        Assert.True(overlaps, "no rule started while another collaboration's association was in flight");
        await world.AssertConvergedAsync(3, onboarded: false);
    }

    [Fact]
    public async Task NoMoreChangesOfOneOperationAreInFlightThanItsLaneAllows()
    {
        await using var world = await StackWorld.StartAsync(4, tables: 5);
        world.ClientRateLimit = PacedAssociations(requestsPerSecond: 20);
        var observer = await UpRecordedAsync(world, StackWorld.FastApply with { InFlightPerOperation = 3 });

        Assert.Equal(3, MostInFlight(observer, c => c is { Kind: TableAssociationKind, Action: ChangeAction.Create }));
        await world.AssertConvergedAsync(4, onboarded: false);
    }

    [Fact]
    public async Task AFailedAssociationSkipsOnlyItsRuleWhileTheLanesKeepServingEveryoneElse()
    {
        // Two associations per collaboration; a quota of one lets the first of each in and rejects the second.
        var quotas = new EmulatorQuotas { TableAssociationsPerMembership = 1 };
        await using var world = await StackWorld.StartAsync(3, quotas: quotas);

        var run = await world.UpAsync(StackWorld.FastApply with { InFlightPerOperation = 1 });

        var failed = run.Result.With(OutcomeStatus.Failed).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.Equal(TableAssociationKind.Instance, f.Change.Kind));
        var skipped = run.Result.With(OutcomeStatus.Skipped).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.All(skipped, s =>
        {
            Assert.Equal(AnalysisRuleKind.Instance, s.Change.Kind);
            Assert.Contains(failed, f => f.Change.Address == s.Change.Address.Parent);
            Assert.Contains($"{ChangeNames.Relative(s.Change.Address.Parent!)} (create) failed", s.Message);
        });
        Assert.Equal(3 * (OnboardingWorld.ChangesPerCollaboration - 2), run.Result.Count(OutcomeStatus.Succeeded));
    }

    /// <summary>Plans and applies once, recording what was in flight when; everything must succeed.</summary>
    private static async Task<RecordingObserver> UpRecordedAsync(StackWorld world, ApplyOptions options)
    {
        var observer = new RecordingObserver();
        var run = await world.UpAsync(options, observer);
        Assert.True(run.Result.Succeeded, ConvergenceTests.Describe(run));
        return observer;
    }

    /// <summary>The client paces table association creates (only) at this rate, so they queue in their lane.</summary>
    private static RateLimitOptions PacedAssociations(double requestsPerSecond) =>
        RateLimitOptions.Unlimited with { PerOperation = new Dictionary<string, double> { [CreateAssociation] = requestsPerSecond }, Burst = 1 };

    /// <summary>For each change that started: every other change in flight at that moment.</summary>
    private static IEnumerable<(ResourceChange Started, ResourceChange Other)> InFlightTogether(RecordingObserver observer)
    {
        var inFlight = new HashSet<ResourceChange>();
        foreach (var (started, change) in observer.Timeline)
        {
            if (!started)
            {
                inFlight.Remove(change);
                continue;
            }
            foreach (var other in inFlight) yield return (change, other);
            inFlight.Add(change);
        }
    }

    private static int MostInFlight(RecordingObserver observer, Func<ResourceChange, bool> which)
    {
        int now = 0, most = 0;
        foreach (var (started, change) in observer.Timeline.Where(e => which(e.Change)))
        {
            now += started ? 1 : -1;
            most = Math.Max(most, now);
        }
        return most;
    }
}
