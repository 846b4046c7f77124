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
        string membership = "";
        await cli.ChangeOutOfBandAsync(async api =>
        {
            // Something inside the membership that a leave plan would delete first.
            membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single(m => m.CollaborationId == created).Id;
            var table = (await api.ListConfiguredTablesAsync(default)).First(t => t.Name == "part_age");
            await api.CreateConfiguredTableAssociationAsync(new CreateConfiguredTableAssociationRequest(membership, "acx_part_age", table.Id,
                $"arn:aws:iam::{DemoWorld.OurAccount}:role/cleanrooms-glue-s3-access"), default);
        });
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace($"id: {Amc}", $"id: {created}") + "\n    state: left\n");

        var preview = await cli.RunLocalAsync("preview", "--allow-leave", created);
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.Contains("CS217", preview.Out + preview.Error);
        Assert.Contains("doesn't let the creator leave while its membership is ACTIVE", preview.Out + preview.Error);
        var up = await cli.RunLocalAsync("up", "--yes", "--allow-leave", created, "--verbose");
        Assert.True(up.ExitCode == 1, up.ToString());
        AssertNoWrite(up);
        await cli.ChangeOutOfBandAsync(async api =>
        {
            Assert.Single(await api.ListMembershipsAsync("ACTIVE", default), m => m.Id == membership);
            Assert.Single(await api.ListConfiguredTableAssociationsAsync(membership, default));
        });
    }

    public static TheoryData<string, string, string> Foreign() => new()
    {
        { "privacybudgettemplates", "privacy budget template",
            """{"privacyBudgetType":"DIFFERENTIAL_PRIVACY","autoRefresh":"CALENDAR_MONTH","parameters":{"differentialPrivacy":{"epsilon":3,"usersNoisePerQuery":30}}}""" },
        { "configuredaudiencemodelassociations", "configured audience model association",
            $$"""{"configuredAudienceModelArn":"arn:aws:cleanrooms-ml:us-east-1:{{DemoWorld.OurAccount}}:configured-audience-model/lookalike","configuredAudienceModelAssociationName":"lookalike","manageResourcePolicies":true}""" },
    };

    [Theory, MemberData(nameof(Foreign))]
    public async Task A_membership_holding_what_the_tool_does_not_manage_is_not_dismantled_and_leaves_once_that_is_gone(
        string collection, string kind, string body)
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var membership = "";
        var associations = 0;
        await cli.ChangeOutOfBandAsync(async api =>
        {
            membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single().Id;
            associations = (await api.ListConfiguredTableAssociationsAsync(membership, default)).Count;
        });
        await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Post, $"/memberships/{membership}/{collection}", body);
        var id = await ForeignIdAsync(membership);
        File.AppendAllText(cli.ConfigPath, "\n    state: left\n");

        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode", "--allow-leave", Amc);
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.Contains("error CS221", preview.Out + preview.Error);
        Assert.Contains($"{kind}: ", preview.Out + preview.Error);
        Assert.Contains(id, preview.Out + preview.Error);
        Assert.DoesNotContain("-  membership", preview.Out);
        var up = await cli.RunLocalAsync("up", "--yes", "--allow-leave", Amc, "--verbose");
        Assert.True(up.ExitCode == 1, up.ToString());
        AssertNoWrite(up);
        await cli.ChangeOutOfBandAsync(async api =>
            Assert.Equal(associations, (await api.ListConfiguredTableAssociationsAsync(membership, default)).Count));

        // Once what blocked it is deleted where it was made, the same leave goes through.
        // The emulator plays AWS's read-after-write lag (a resource not visible yet answers 403), so the delete is
        // repeated for a few seconds as a person at the console would.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Delete, $"/memberships/{membership}/{collection}/{id}");
                break;
            }
            catch (Exception e) when (attempt < 20 && e.Message.Contains(": 403 "))
            {
                await Task.Delay(250);
            }
        }
        var left = await cli.RunLocalAsync("up", "--yes", "--allow-leave", Amc);
        Assert.True(left.ExitCode == 0, left.ToString());
        await cli.ChangeOutOfBandAsync(async api => Assert.Empty(await api.ListMembershipsAsync("ACTIVE", default)));
    }

    /// <summary>The id of the one foreign resource in the membership, read through the tool's own client.</summary>
    private async Task<string> ForeignIdAsync(string membership)
    {
        var id = "";
        await cli.ChangeOutOfBandAsync(async api =>
            id = (await api.ListPrivacyBudgetTemplatesAsync(membership, default)).Select(t => t.Id)
                .Concat((await api.ListConfiguredAudienceModelAssociationsAsync(membership, default)).Select(a => a.Id)).Single());
        return id;
    }

    /// <summary>The call log (--verbose) shows every AWS call the run made: none of them a write.</summary>
    private static void AssertNoWrite(CliResult run)
    {
        Assert.Matches(@"aws cleanrooms\.ListMemberships attempt", run.Error);
        Assert.DoesNotMatch(@"aws cleanrooms\.(Create|Update|Delete|Tag|Untag)\w* attempt", run.Error);
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
