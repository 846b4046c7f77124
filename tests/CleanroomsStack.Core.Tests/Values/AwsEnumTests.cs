using System.Text.Json;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Values;
using CleanroomsStack.Core.Tests.Config;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Values;

/// <summary>AWS enum values are parsed once and kept as sent: a value AWS adds later is never taken for another one.</summary>
public class AwsEnumTests
{
    private sealed record Shape(MembershipStatus Status, IReadOnlyList<MemberAbility> Abilities);

    [Fact]
    public void A_value_this_version_does_not_know_survives_parsing_and_says_what_it_is()
    {
        var shape = JsonSerializer.Deserialize<Shape>("""{"Status":"SUSPENDED","Abilities":["CAN_QUERY","CAN_TELEPORT"]}""")!;

        Assert.False(shape.Status.IsKnown);
        Assert.NotEqual(MembershipStatus.Active, shape.Status);
        Assert.Equal("unknown value 'SUSPENDED' of membership status", shape.Status.Describe());
        Assert.Equal([true, false], shape.Abilities.Select(a => a.IsKnown));
        Assert.Equal("""{"Status":"SUSPENDED","Abilities":["CAN_QUERY","CAN_TELEPORT"]}""", JsonSerializer.Serialize(shape));
    }

    [Fact]
    public void Known_values_compare_equal_to_their_named_value()
    {
        Assert.Equal(MembershipStatus.Active, JsonSerializer.Deserialize<MembershipStatus>("\"ACTIVE\""));
        Assert.True(MemberStatus.Of("INVITED").IsOpen);
        Assert.True(MemberStatus.Of("LEFT").IsGone);
        Assert.False(MemberStatus.Of("PAUSED").IsOpen || MemberStatus.Of("PAUSED").IsGone);
    }

    [Fact]
    public void An_unknown_member_status_plans_nothing_for_the_collaboration_and_does_not_blame_the_config()
    {
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(AmcInvitation() with { MemberStatus = "PAUSED" }));

        Assert.Empty(desired.Collaborations);
        var warning = Assert.Single(desired.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("unknown value 'PAUSED' of member status", warning.Message);
        Assert.Null(warning.Location);
        Assert.Contains("the config is not the cause", warning.Hint);
    }

    [Fact]
    public void An_unknown_membership_status_plans_nothing_and_does_not_blame_the_config()
    {
        var desired = Scenario.Desired(ConfigText.Valid, InventoryWith(AmcInvitation("ACTIVE", Id(900))));
        var live = Applied(desired.Collaborations[0]) with { Status = "SUSPENDED" };

        var plan = Core.Planning.Planner.Create(desired, new Core.Live.LiveState([live]));

        Assert.Empty(plan.Changes);
        // (The other diagnostic is the demo config's own warning about tables left out by tables.max.)
        var warning = Assert.Single(plan.Diagnostics, d => d.Code == DiagnosticCodes.CollaborationNotJoinable);
        Assert.Contains("unknown value 'SUSPENDED' of membership status", warning.Message);
        Assert.Null(warning.Location);
    }
}
