using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Tests.Config;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Desired;

public class InvitationPolicyTests
{
    /// <summary>The team config without listed collaborations, plus an invitations block.</summary>
    public static string PolicyOnly(string invitations) => TeamConfig.Yaml[..TeamConfig.Yaml.IndexOf("collaborations:", StringComparison.Ordinal)]
        + invitations + "\ncollaborations: []\n";

    [Fact]
    public void Rule_by_creator_accepts_only_that_creators_invitation()
    {
        var desired = Scenario.Desired(PolicyOnly($"invitations:\n  rules:\n    - creatorAccountIds: [\"{Amc}\"]"),
            InventoryWith(AmcInvitation(), OtherInvitation()));
        var collaboration = Assert.Single(desired.Collaborations);
        Assert.Equal(AmcCollaborationId, collaboration.CollaborationId);
        Assert.Equal("accept invitation from AMC (921290734397), by invitation policy", collaboration.Label);
        Assert.Equal(25, collaboration.TableAssociations.Count);
    }

    [Fact]
    public void Rule_by_name_pattern_matches_the_collaboration_name()
    {
        var desired = Scenario.Desired(PolicyOnly("invitations:\n  rules:\n    - namePatterns: [\"Retail *\"]"), InventoryWith(AmcInvitation(), OtherInvitation()));
        Assert.Equal("Retail Insights", Assert.Single(desired.Collaborations).Name);
    }

    [Fact]
    public void Accept_all_takes_every_pending_invitation_and_active_membership()
    {
        var desired = Scenario.Desired(PolicyOnly("invitations: { accept: all }"), InventoryWith(AmcInvitation("ACTIVE", Id(1)), OtherInvitation()));
        Assert.Equal(["AMC Collaboration", "Retail Insights"], desired.Collaborations.Select(c => c.Name));
        Assert.Equal("membership 00000000-0000-4000-8000-000000000001, by invitation policy", desired.Collaborations[0].Label);
    }

    [Fact]
    public void Accept_none_accepts_nothing()
    {
        Assert.Empty(Scenario.Desired(PolicyOnly("invitations: { accept: none }"), InventoryWith(AmcInvitation(), OtherInvitation())).Collaborations);
    }

    [Fact]
    public void Listed_collaboration_keeps_its_own_settings_when_the_policy_also_matches()
    {
        var yaml = TeamConfig.Yaml.Replace("collaborations:", "invitations: { accept: all }\ncollaborations:") + "\n    tables: { max: 2 }";
        var desired = Scenario.Desired(yaml, InventoryWith(AmcInvitation(), OtherInvitation()));
        Assert.Equal(2, desired.Collaborations.Single(c => c.CollaborationId == AmcCollaborationId).TableAssociations.Count);
        Assert.Equal(2, desired.Collaborations.Count);
    }

    [Fact]
    public void Rule_without_conditions_is_rejected()
    {
        var error = ConfigText.SingleError(PolicyOnly("invitations:\n  rules:\n    - {}"));
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Equal(21, error.Location!.Line);
    }

    [Fact]
    public void Rule_with_a_malformed_creator_is_rejected()
    {
        var error = ConfigText.SingleError(PolicyOnly("invitations:\n  rules:\n    - creatorAccountIds: [\"12345\"]"));
        Assert.Equal((DiagnosticCodes.InvalidAccountId, 21, 27), (error.Code, error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Unknown_accept_value_is_rejected()
    {
        var error = ConfigText.SingleError(PolicyOnly("invitations: { accept: some }"));
        Assert.Equal((DiagnosticCodes.InvalidEnum, 19, 24), (error.Code, error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Accept_all_with_rules_is_contradictory()
    {
        Assert.Equal(DiagnosticCodes.InvalidEnum, ConfigText.SingleError(PolicyOnly("invitations:\n  accept: all\n  rules: [{ namePatterns: [x] }]")).Code);
    }

    [Fact]
    public void Policy_needs_complete_defaults()
    {
        var yaml = PolicyOnly("invitations: { accept: all }").Replace("    role: cleanrooms-glue-s3-access\n", "");
        var error = ConfigText.SingleError(yaml);
        Assert.Equal((DiagnosticCodes.MissingKey, 18, 1), (error.Code, error.Location!.Line, error.Location.Column));
        Assert.Contains("invitation policy", error.Message);
    }
}

public class UnlistedCollaborationsTests
{
    [Theory]
    [InlineData("invitations: { accept: all }", true)]
    [InlineData("invitations: { accept: none }", false)]
    [InlineData("invitations:\n  rules: [{ namePatterns: [\"AMC*\"] }]", true)]
    public void Config_says_whether_unlisted_collaborations_are_managed(string invitations, bool expected)
    {
        Assert.Equal(expected, Scenario.Config(InvitationPolicyTests.PolicyOnly(invitations)).ManagesUnlistedCollaborations);
    }

    [Fact]
    public void Without_a_policy_only_listed_collaborations_are_managed()
    {
        Assert.False(Scenario.Config(TeamConfig.Yaml).ManagesUnlistedCollaborations);
    }
}
