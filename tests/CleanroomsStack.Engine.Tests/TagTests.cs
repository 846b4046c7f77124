using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Tests.Fixtures;
using CleanroomsStack.Engine.Tests.Support;

namespace CleanroomsStack.Engine.Tests;

/// <summary>
/// Tags the config names are read (ListTagsForResource, once per resource, only when the config names tags), compared,
/// and set in place with TagResource alone; tags it doesn't name stay. Counted by the emulator over signed HTTP.
/// </summary>
public sealed class TagTests
{
    private static readonly string Tagged = StackWorld.DemoConfig.Replace("  region: us-east-1\n", "  region: us-east-1\n  tags: { team: acx }\n");

    [Fact]
    public async Task Tags_are_listed_once_per_resource_only_when_the_config_names_them()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(Tagged);
        var live = (await world.PlanningAsync()).Live!.Memberships.Single();
        var resources = 1 + live.TableAssociations.Count + live.IdNamespaceAssociations.Count;
        world.Emulator.ResetStats();

        Assert.False((await world.PlanAsync()).HasChanges);

        Assert.Equal(resources, world.Emulator.GetStats()["ListTagsForResource"].Requests);
        Assert.Equal("acx", (await world.Client().ListTagsForResourceAsync(live.TableAssociations[0].Arn, default))["team"]);
    }

    [Fact]
    public async Task A_tag_changed_out_of_band_is_set_back_by_TagResource_alone_and_other_tags_stay()
    {
        await using var world = await StackWorld.StartDemoAppliedAsync(Tagged);
        var api = world.Client();
        var live = (await world.PlanningAsync()).Live!.Memberships.Single();
        var association = live.TableAssociations.Single(a => a.Name == "acx_part_age");
        await api.TagResourceAsync(association.Arn, new Dictionary<string, string> { ["team"] = "someone-else", ["owner"] = "console" }, default);
        await api.UntagResourceAsync(live.Arn, ["team"], default);

        var plan = await world.PlanAsync();

        var updates = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        Assert.Equal([(live.Arn, new AttributeDiff("tags.team", null, "acx")), (association.Arn, new AttributeDiff("tags.team", "someone-else", "acx"))],
            updates.Select(c => (((Core.Kinds.ITaggedState)c.Live!).Arn, Assert.Single(c.Diffs))));
        world.Emulator.ResetStats();

        Assert.True((await world.UpAsync()).Result.Succeeded);

        var stats = world.Emulator.GetStats();
        Assert.Equal(2, stats["TagResource"].Requests);
        Assert.DoesNotContain(stats, s => s.Key is "UpdateConfiguredTableAssociation" or "UpdateMembership" && s.Value.Requests > 0);
        Assert.False((await world.PlanAsync()).HasChanges);
        var tags = await api.ListTagsForResourceAsync(association.Arn, default);
        Assert.Equal(("acx", "console"), (tags["team"], tags["owner"]));
    }
}
