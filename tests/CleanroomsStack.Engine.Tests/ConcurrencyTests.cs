using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>Two pipelines that merge at once run `up` together: both end well and nothing exists twice.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwoConcurrentRunsOnTheSameConfigEndInTheDesiredStateWithNoDuplicates()
    {
        await using var world = await StackWorld.StartAsync(6);

        var runs = await Task.WhenAll(world.UpAsync(), world.UpAsync());

        Assert.All(runs, r => Assert.True(r.Result.Succeeded, ConvergenceTests.Describe(r)));
        await world.AssertConvergedAsync(6);
    }

    [Fact]
    public async Task TwoRunsPlannedFromTheSameStateAndAppliedAtOnceAdoptWhatTheOtherMade()
    {
        await using var world = await StackWorld.StartAsync(4);
        var (apiA, apiB) = (world.Client(), world.Client());
        var (planA, planB) = (await world.PlanningAsync(apiA), await world.PlanningAsync(apiB));
        using var never = new ApplyInterruption(CancellationToken.None, TimeSpan.FromSeconds(1));

        var runs = await Task.WhenAll(world.ApplyAsync(planA, apiA, never), world.ApplyAsync(planB, apiB, never));

        Assert.All(runs, r => Assert.True(r.Result.Succeeded, ConvergenceTests.Describe(r)));
        Assert.All(runs, r => Assert.Equal(4 * OnboardingWorld.ChangesPerCollaboration, r.Plan.Summary.Create));
        // Every resource was made by exactly one run and adopted by the other.
        var made = runs.SelectMany(r => r.Result.Outcomes).Where(o => !o.Adopted).Select(o => o.Change.Address).ToList();
        Assert.Equal(4 * OnboardingWorld.ChangesPerCollaboration, made.Count);
        Assert.Equal(made.Count, made.Distinct().Count());
        await world.AssertConvergedAsync(4);
    }
}
