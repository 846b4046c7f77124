using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>Deletes and replacements in dependency order: rules before their association on the way out, after it on the way in.</summary>
public sealed class ChangingWhatIsSharedTests
{
    [Fact]
    public async Task NoLongerSelectingATableDeletesItsRuleThenItsAssociationAndConverges()
    {
        await using var world = await StackWorld.StartAsync(2);
        Assert.True((await world.UpAsync()).Result.Succeeded);
        world.WriteConfig(OnboardingWorld.Config(2).Replace("include: [\"t_*\"]", "include: [\"t_alpha\"]"));

        var run = await world.UpAsync();

        Assert.True(run.Result.Succeeded, ConvergenceTests.Describe(run));
        Assert.Equal(4, run.Plan.Summary.Delete); // per collaboration: acx_t_beta and its rule
        var state = await world.StateAsync();
        Assert.DoesNotContain(state.TableAssociations, a => a.Name == "acx_t_beta");
        Assert.Equal(2, state.TableAssociations.Count(a => a.Name == "acx_t_alpha"));
        await world.AssertConvergedAsync(2, onboarded: false);
    }

    [Fact]
    public async Task RenamingAssociationsReplacesThemAndPutsTheRuleOnTheNewOne()
    {
        await using var world = await StackWorld.StartAsync(1);
        Assert.True((await world.UpAsync()).Result.Succeeded);
        world.WriteConfig(OnboardingWorld.Config(1).Replace("acx_{table}", "shared_{table}"));

        var run = await world.UpAsync();

        Assert.True(run.Result.Succeeded, ConvergenceTests.Describe(run));
        Assert.Equal(2, run.Plan.Changes.Count(c => c.Action == ChangeAction.Replace));
        var state = await world.StateAsync();
        Assert.Equal(["shared_t_alpha", "shared_t_beta"], state.TableAssociations.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(state.TableAssociations, a => Assert.Equal(["CUSTOM"], a.Rules.Select(r => r.Type)));
        await world.AssertConvergedAsync(1, onboarded: false);
    }
}
