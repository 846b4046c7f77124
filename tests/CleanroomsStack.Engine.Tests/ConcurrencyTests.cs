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
        // Both planned everything; whatever one made, the other found and adopted instead of failing or duplicating.
        Assert.All(runs, r => Assert.Equal(6 * OnboardingWorld.ChangesPerCollaboration, r.Plan.Summary.Create));
        var made = runs.SelectMany(r => r.Result.Outcomes).Where(o => !o.Adopted).Select(o => o.Change.Address).ToList();
        Assert.Equal(made.Distinct().Count(), made.Count);
        Assert.Contains(runs.SelectMany(r => r.Result.Outcomes), o => o.Adopted); // they really overlapped
        await world.AssertConvergedAsync(6);
    }
}
