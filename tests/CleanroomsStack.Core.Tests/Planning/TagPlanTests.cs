using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

/// <summary>
/// Tags the config names are compared on every plan and set in place (<c>tags.&lt;key&gt;</c>); tags it doesn't name,
/// and the tool's own record keys, are never touched; unread tags (null) compare as nothing.
/// </summary>
public class TagPlanTests
{
    private static readonly string Tagged = TeamConfig.Yaml.Replace("  region: us-east-1\n", "  region: us-east-1\n  tags: { team: acx, cost-center: \"42\" }\n");

    private static readonly IReadOnlyDictionary<string, string> Configured = new Dictionary<string, string> { ["team"] = "acx", ["cost-center"] = "42" };

    private const string Membership = $"membership[{AmcCollaborationId}]";

    /// <summary>The applied state with every resource's tags read as <paramref name="tags"/>.</summary>
    private static MembershipState AppliedWith(IReadOnlyDictionary<string, string> tags)
    {
        var applied = DemoWorld.Applied(Scenario.Desired(Tagged).Collaborations[0]) with { Tags = tags };
        return applied.WithTableAssociations(applied.TableAssociations.Select(a => a with { Tags = tags }).ToList())
            .WithIdNamespaceAssociations(applied.IdNamespaceAssociations.Select(n => n with { Tags = tags }).ToList());
    }

    private static Plan PlanAgainst(MembershipState live) => Scenario.Plan(Tagged, new LiveState([live]));

    [Fact]
    public void Tags_as_configured_plan_no_changes()
    {
        Assert.False(PlanAgainst(AppliedWith(Configured)).HasChanges);
    }

    [Fact]
    public void A_changed_tag_value_is_an_in_place_update_of_that_tag_alone()
    {
        var live = AppliedWith(Configured);
        live = live.EditAssociation("acx_part_02", a => a with { Tags = new Dictionary<string, string>(Configured) { ["team"] = "other" } });

        var plan = PlanAgainst(live);

        var change = Assert.Single(plan.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal($"{Membership}/table-association[acx_part_02]", change.Address.ToString());
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal([new AttributeDiff("tags.team", "other", "acx")], change.Diffs);
        Assert.Equal(MembershipDiffer.TagReason, change.Reason);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "acx" }, TagPaths.ToSet(change.Diffs));
    }

    [Fact]
    public void A_missing_tag_on_the_membership_or_a_listed_kind_is_set()
    {
        var without = new Dictionary<string, string> { ["team"] = "acx" };
        var live = AppliedWith(Configured) with { Tags = without };
        live = live.WithIdNamespaceAssociations(live.IdNamespaceAssociations.Select(n => n with { Tags = without }).ToList());

        var updates = PlanAgainst(live).Changes.Where(c => c.Action == ChangeAction.Update).ToList();

        Assert.Equal([Membership, $"{Membership}/id-namespace-association[ACXIdNamespace]"], updates.Select(c => c.Address.ToString()));
        Assert.All(updates, c => Assert.Equal([new AttributeDiff("tags.cost-center", null, "42")], c.Diffs));
        Assert.All(updates, c => Assert.Equal(MembershipDiffer.TagReason, c.Reason));
    }

    [Fact]
    public void Tags_the_config_does_not_name_and_the_record_keys_are_left_alone()
    {
        var extra = new Dictionary<string, string>(Configured) { ["owner"] = "console", [$"{TagPaths.ReservedPrefix}managed"] = "v1 52" };

        Assert.False(PlanAgainst(AppliedWith(extra)).HasChanges);
    }

    [Fact]
    public void A_tag_removed_from_the_config_stays_on_the_resource()
    {
        var live = AppliedWith(new Dictionary<string, string>(Configured) { ["retired"] = "yes" });

        Assert.False(PlanAgainst(live).HasChanges);
    }

    [Fact]
    public void Unread_tags_are_not_compared()
    {
        var applied = DemoWorld.Applied(Scenario.Desired(Tagged).Collaborations[0]);
        Assert.Null(applied.Tags);

        Assert.False(PlanAgainst(applied).HasChanges);
    }

    [Fact]
    public void A_role_and_a_tag_changed_together_are_one_update_naming_both()
    {
        var live = AppliedWith(Configured).EditAssociation("acx_part_02", a => a with
        {
            RoleArn = "arn:aws:iam::239083076653:role/old",
            Tags = new Dictionary<string, string> { ["team"] = "acx" },
        });

        var change = Assert.Single(PlanAgainst(live).Changes, c => c.Action != ChangeAction.NoOp);

        Assert.Equal(["roleArn", "tags.cost-center"], change.Diffs.Select(d => d.Path));
        Assert.Equal("role, description or tags differ from the config", change.Reason);
        Assert.False(TagPaths.OnlyTags(change.Diffs));
    }

    [Fact]
    public void Creates_carry_every_configured_tag_as_one_attribute()
    {
        var plan = Scenario.Plan(Tagged, Scenario.Nothing);

        Assert.All(plan.Changes.Where(c => c.Kind != Resources.AnalysisRule.AnalysisRuleKind.Instance),
            c => Assert.Equal("{cost-center=42, team=acx}", AttributeValue.Render(Assert.Single(c.Diffs, d => d.Path == TagPaths.All).After)));
        Assert.DoesNotContain(plan.Changes, c => c.Diffs.Any(TagPaths.IsTag));
    }

    [Fact]
    public void The_config_may_not_name_the_record_keys()
    {
        var result = ConfigLoader.Load(TeamConfig.Yaml.Replace("  region: us-east-1\n", "  region: us-east-1\n  tags: { \"Cleanrooms-Stack:managed\": x }\n"),
            "collaborations.yaml");

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.InvalidName, error.Code);
        Assert.Contains("cleanrooms-stack:", error.Message);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Tags_are_read_only_for_collaborations_whose_config_names_them()
    {
        Assert.True(Scenario.Config(Tagged).NamesTags(AmcCollaborationId));
        Assert.False(Scenario.Config(TeamConfig.Yaml).NamesTags(AmcCollaborationId));
        Assert.False(Scenario.Config(Tagged).NamesTags("00000000-0000-4000-8000-000000000000"));
    }
}
