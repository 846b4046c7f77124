using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>Issue #15: a pull request that leaves shows the leave plan; a leave AWS would refuse is one error and changes nothing.</summary>
public sealed class LeaveTests : IDisposable
{
    private const string Amc = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Preview_with_allow_leave_shows_the_leave_plan_instead_of_refusing_it()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.AppendAllText(cli.ConfigPath, "\n    state: left\n");

        var refused = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("CS211", refused.Out + refused.Error);

        var leave = await cli.RunLocalAsync("preview", "--detailed-exitcode", "--allow-leave", Amc);
        Assert.True(leave.ExitCode == 2, leave.ToString());
        Assert.Contains("-  membership", leave.Out);
        Assert.DoesNotContain("CS211", leave.Out + leave.Error);
    }

    [Fact]
    public async Task The_creator_leaving_is_one_error_and_up_deletes_nothing()
    {
        var created = await CreateOurOwnCollaborationAsync();
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace($"id: {Amc}", $"id: {created}") + "\n    state: left\n");

        var preview = await cli.RunLocalAsync("preview", "--allow-leave", created);
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.Contains("CS217", preview.Out + preview.Error);
        var up = await cli.RunLocalAsync("up", "--yes", "--allow-leave", created);
        Assert.True(up.ExitCode == 1, up.ToString());
        await cli.ChangeOutOfBandAsync(async api =>
            Assert.Single(await api.ListMembershipsAsync("ACTIVE", default), m => m.CollaborationId == created));
    }

    /// <summary>Our account creates a collaboration with AMC as the other member, and joins it.</summary>
    private async Task<string> CreateOurOwnCollaborationAsync()
    {
        var body = new JsonObject
        {
            ["name"] = "AMC Collaboration", ["description"] = "ours", ["creatorDisplayName"] = "ACX",
            ["creatorMemberAbilities"] = new JsonArray("CAN_QUERY", "CAN_RECEIVE_RESULTS"), ["queryLogStatus"] = "DISABLED",
            ["members"] = new JsonArray(new JsonObject { ["accountId"] = "921290734397", ["displayName"] = "AMC", ["memberAbilities"] = new JsonArray() }),
        };
        await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Post, "/collaborations", body.ToJsonString());
        string id = "";
        await cli.ChangeOutOfBandAsync(async api =>
        {
            // As in AWS, the creator joins its own collaboration with CreateMembership.
            id = (await api.ListCollaborationsAsync(null, default)).Single(c => c.CreatorAccountId == DemoWorld.OurAccount).Id;
            await api.CreateMembershipAsync(new CreateMembershipRequest(id, "DISABLED"), default);
        });
        return id;
    }

    public void Dispose() => cli.Dispose();
}
