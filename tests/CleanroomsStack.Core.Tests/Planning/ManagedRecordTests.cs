using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

/// <summary>
/// The record of what the last `up` applied, kept in the membership's tags: it fits AWS's tag limits, reads back what was
/// written (or nothing, when damaged), and makes a create of a recorded resource drift ("deleted outside the config")
/// while a create of anything else stays pending work.
/// </summary>
public class ManagedRecordTests
{
    private static readonly Core.Desired.DesiredState Team = Scenario.Desired(TeamConfig.Yaml);
    private static readonly MembershipState Applied = DemoWorld.Applied(Team.Collaborations[0]);
    private static readonly ResourceAddress Membership = ResourceAddress.Membership(AmcCollaborationId);

    private static ResourceAddress Association(string name) => Membership.Child(TableAssociationKind.Instance, name);

    private static ResourceAddress Rule(string name) => Association(name).Child(AnalysisRuleKind.Instance, "CUSTOM");

    /// <summary>The applied membership carrying the record a successful `up` of the team config writes.</summary>
    private static MembershipState Recorded(Func<ResourceAddress, bool>? keep = null)
    {
        var plan = Planner.Create(Team, new LiveState([Applied])).Collaborations.Single();
        var addresses = plan.Changes.Select(c => c.Address).Where(keep ?? (_ => true));
        return Applied with { Tags = new Dictionary<string, string>(ManagedRecord.Of(addresses).ToTags()) { ["owner"] = "console" } };
    }

    [Fact]
    public void A_record_reads_back_what_was_written_and_nothing_else()
    {
        var written = ManagedRecord.Of([Association("acx_part_01"), Rule("acx_part_01"), Association("acx_part_02")]);

        var read = ManagedRecord.Read(written.ToTags())!;

        Assert.Equal(3, read.Count);
        Assert.True(read.SameAs(written));
        Assert.True(read.Holds(Rule("acx_part_01")));
        Assert.True(read.Holds(Association("ACX_Part_02")));
        Assert.False(read.Holds(Rule("acx_part_02")));
        Assert.False(read.Holds(Association("acx_part_03")));
    }

    [Fact]
    public void The_largest_membership_fits_in_a_few_tags_that_AWS_accepts()
    {
        // 25 associations with a rule each, 10 ID namespace associations, 5 ID mapping tables, 25 analysis templates.
        var addresses = Enumerable.Range(0, 25).SelectMany(i => new[] { Association($"acx_a_very_long_table_name_of_many_words_{i:00}"), Rule($"t{i}") })
            .Concat(Enumerable.Range(0, 40).Select(i => Membership.Child(TableAssociationKind.Instance, $"other {i}"))).ToList();

        var tags = ManagedRecord.Of(addresses).ToTags();

        Assert.Equal(90, addresses.Count);
        Assert.Equal(["cleanrooms-stack:managed", "cleanrooms-stack:managed:1", "cleanrooms-stack:managed:2", "cleanrooms-stack:managed:3"], tags.Keys);
        Assert.True(tags.Count <= ManagedRecord.MaxTags);
        Assert.Equal("v1 90", tags[ManagedRecord.Key]);
        Assert.All(tags.Values, v => Assert.True(v.Length <= 256));
        Assert.All(tags.Values.Skip(1), v => Assert.Matches("^[a-z2-7]+$", v));
        Assert.Equal(90 * 8, tags.Values.Skip(1).Sum(v => v.Length));
        Assert.All(addresses, a => Assert.True(ManagedRecord.Read(tags)!.Holds(a)));
    }

    [Theory]
    [InlineData("cleanrooms-stack:managed", "v2 3")]
    [InlineData("cleanrooms-stack:managed", "v1 40")]
    [InlineData("cleanrooms-stack:managed", "v1 three")]
    [InlineData("cleanrooms-stack:managed:1", "abc")]
    public void A_damaged_record_reads_as_none(string key, string value)
    {
        var tags = new Dictionary<string, string>(ManagedRecord.Of([Association("a"), Association("b"), Association("c")]).ToTags()) { [key] = value };

        Assert.Null(ManagedRecord.Read(tags));
    }

    [Fact]
    public void A_shorter_record_names_the_chunks_of_the_longer_one_it_replaces()
    {
        var longer = ManagedRecord.Of(Enumerable.Range(0, 40).Select(i => Association($"t{i}"))).ToTags();
        var shorter = ManagedRecord.Of([Association("t1")]);

        Assert.Equal(["cleanrooms-stack:managed:2"], shorter.UnusedKeys(longer));
        Assert.Empty(shorter.UnusedKeys(shorter.ToTags()));
    }

    [Fact]
    public void A_recorded_association_and_rule_missing_now_are_drift_and_a_never_applied_one_is_pending()
    {
        // acx_part_03 was never applied (not in the record); acx_part_02 was, and someone deleted it with its rule.
        var live = Recorded(a => !a.ToString().Contains("acx_part_03", StringComparison.Ordinal))
            .WithoutAssociation("acx_part_02").WithoutAssociation("acx_part_03");

        var plan = Planner.Create(Team, new LiveState([live]));
        var report = DriftReport.Of(plan);

        var deleted = report.DeletedOutside.Select(d => d.Change.Address.ToString()).ToList();
        Assert.Equal([Association("acx_part_02").ToString(), Rule("acx_part_02").ToString()], deleted);
        Assert.All(report.DeletedOutside, d => Assert.StartsWith("deleted outside the config (the last up applied it); ", d.Change.Reason));
        Assert.True(report.HasDrift);
        Assert.Equal([Association("acx_part_03").ToString(), Rule("acx_part_03").ToString()], report.Pending.Changes.Select(c => c.Address.ToString()));
        Assert.All(report.Pending.Changes, c => Assert.False(c.DeletedOutside));
        // The drift part keeps every unchanged resource, so its counts are the whole plan's.
        Assert.Equal(new PlanSummary(2, 0, 0, 0, 48, 0), report.Drift.Summary);
    }

    [Fact]
    public void Without_a_record_every_missing_resource_is_pending_work()
    {
        var plan = Planner.Create(Team, new LiveState([Applied.WithoutAssociation("acx_part_02")]));
        var report = DriftReport.Of(plan);

        Assert.False(report.HasDrift);
        Assert.Equal(2, report.Pending.Changes.Count());
        Assert.Equal(50, report.Drift.Summary.Unchanged);
    }

    [Fact]
    public void Up_writes_a_record_when_the_membership_has_none_or_a_stale_one_and_not_when_it_is_current()
    {
        CollaborationPlan PlanOf(MembershipState m) => Planner.Create(Team, new LiveState([m])).Collaborations.Single();

        Assert.True(ManagedRecord.NeedsWriting(PlanOf(Applied with { Tags = new Dictionary<string, string> { ["owner"] = "console" } })));
        // Tags not read: whether the record is current can't be known, so asking is a mistake of the caller, not a "yes".
        Assert.Throws<InvalidOperationException>(() => ManagedRecord.NeedsWriting(PlanOf(Applied)));
        Assert.True(ManagedRecord.NeedsWriting(PlanOf(Recorded(a => a != Rule("acx_part_01")))));
        Assert.False(ManagedRecord.NeedsWriting(PlanOf(Recorded())));
        Assert.False(ManagedRecord.NeedsWriting(Planner.Create(Team, new LiveState([])).Collaborations.Single()));
        Assert.Equal(51, ManagedRecord.After(PlanOf(Recorded())).Count);
    }
}
