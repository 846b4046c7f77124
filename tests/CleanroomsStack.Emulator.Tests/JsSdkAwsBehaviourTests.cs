using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>
/// <c>tests/js/aws-behaviours.mjs</c>: the official AWS SDK for JavaScript v3 parses the emulator's AWS behaviours (403
/// AccessDeniedException for missing and not-yet-visible resources, lag, a conflict without a reason) as typed errors.
/// </summary>
public sealed class JsSdkAwsBehaviourTests
{
    [Fact]
    public async Task Sdk_parses_403_for_missing_resources_the_lag_and_a_conflict_without_reason()
    {
        // A long lag so the whole script runs inside it whatever the machine's load.
        await using var emulator = await TestEmulator.StartAsync(behaviour: AwsBehaviour.Defaults with { LagMs = 60_000, ConflictWithoutReason = true });

        var r = await NodeRunner.RunAsync("aws-behaviours.mjs", emulator.Endpoint);

        foreach (var name in new[] { "GetMissingMembership", "DeleteMissingMembership", "GetNewMembership", "ChildUnderNewParent" })
        {
            Assert.Equal("AccessDeniedException", r[name]!["name"]!.GetValue<string>());
            Assert.Equal(403, r[name]!["status"]!.GetValue<int>());
            Assert.Equal("INSUFFICIENT_PERMISSIONS", r[name]!["fields"]!["reason"]!.GetValue<string>());
        }
        Assert.True(r["CreateMembership"]!["ok"]!.GetValue<bool>());
        Assert.Empty(r["ListRightAfterCreate"]!["output"]!["membershipSummaries"]!.AsArray());
        Assert.Equal("ConflictException", r["RepeatedCreate"]!["name"]!.GetValue<string>());
        Assert.Null(r["RepeatedCreate"]!["fields"]!["reason"]);
    }
}
