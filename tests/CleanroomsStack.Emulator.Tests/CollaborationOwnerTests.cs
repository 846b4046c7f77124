using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>The drift a data provider meets: the creator renames the collaboration, removes us, or deletes it.</summary>
public sealed class CollaborationOwnerTests
{
    [Fact]
    public async Task Only_the_creator_can_update_the_collaboration()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var amc = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var path = $"/collaborations/{TestEmulator.AmcCollaboration}";

        var renamed = (await amc.PatchAsync(path, new JsonObject { ["name"] = "AMC Collaboration 2026" })).Expect(HttpStatusCode.OK);
        var denied = await us.PatchAsync(path, new JsonObject { ["name"] = "Ours now" });

        Assert.Equal("AMC Collaboration 2026", renamed.Str("collaboration.name"));
        denied.ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
        Assert.Equal("AMC Collaboration 2026", (await us.GetAsync(path)).Expect(HttpStatusCode.OK).Str("collaboration.name"));
    }

    [Fact]
    public async Task Removing_a_member_removes_its_membership_for_good()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var amc = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);

        (await amc.DeleteAsync($"/collaborations/{TestEmulator.AmcCollaboration}/member/{TestEmulator.Us}")).Expect(HttpStatusCode.NoContent);

        Assert.Equal("REMOVED", (await us.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK).Str("membership.status"));
        var collaborations = (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK).Node("collaborationList")!.AsArray();
        Assert.DoesNotContain(collaborations, c => c!["id"]!.GetValue<string>() == TestEmulator.AmcCollaboration);
        (await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/members")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        var members = (await amc.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/members")).Expect(HttpStatusCode.OK).Node("memberSummaries")!.AsArray();
        Assert.Equal("REMOVED", members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Us)!["status"]!.GetValue<string>());
        (await us.PostAsync("/memberships", new JsonObject { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" }))
            .ExpectError(HttpStatusCode.Conflict, "ConflictException");
        (await amc.DeleteAsync($"/collaborations/{TestEmulator.AmcCollaboration}/member/{TestEmulator.Amc}")).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
    }

    [Fact]
    public async Task Deleting_the_collaboration_marks_memberships_collaboration_deleted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var amc = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);

        (await us.DeleteAsync($"/collaborations/{TestEmulator.AmcCollaboration}")).ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
        (await amc.DeleteAsync($"/collaborations/{TestEmulator.AmcCollaboration}")).Expect(HttpStatusCode.NoContent);

        var deleted = (await us.GetAsync("/memberships?status=COLLABORATION_DELETED")).Expect(HttpStatusCode.OK);
        Assert.Equal(membershipId, deleted.Str("membershipSummaries.0.id"));
        (await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        var invited = (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK).Node("collaborationList")!.AsArray();
        Assert.DoesNotContain(invited, c => c!["id"]!.GetValue<string>() == TestEmulator.AmcCollaboration);
    }
}
