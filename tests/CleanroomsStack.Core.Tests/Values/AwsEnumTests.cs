using System.Text.Json;
using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Core.Tests.Values;

/// <summary>
/// AWS enum values are parsed once and kept as sent: a value AWS adds later is never taken for another one. Whether such
/// a value may be read at all depends on the field: a status the engine decides on (membership status; member status in
/// ListMembers and ListCollaborations) must be known, since guessing what a new one allows could re-join, leave alone or
/// delete the wrong thing, so the AWS client refuses the response as malformed (ListingTrustTests). Where a new value
/// changes no decision of ours (abilities, log statuses, rule types) it is kept and reported where it matters.
/// </summary>
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
    public void Only_the_statuses_the_engine_decides_on_must_be_known()
    {
        AwsEnum[] decided = [MembershipStatus.Of("SUSPENDED"), MemberStatus.Of("PAUSED")];
        AwsEnum[] tolerated = [MemberAbility.Of("CAN_TELEPORT"), LogStatus.Of("ARCHIVED"), AnalysisRuleType.Of("SPATIAL")];

        Assert.All(decided, v => Assert.True(v is { MustBeKnown: true, IsKnown: false }, v.Describe()));
        Assert.All(tolerated, v => Assert.True(v is { MustBeKnown: false, IsKnown: false }, v.Describe()));
    }
}
