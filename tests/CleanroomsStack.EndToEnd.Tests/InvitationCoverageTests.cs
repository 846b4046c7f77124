using System.Text.Json;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Which pending invitations the config covers, the same for `invitations` (table and JSON) and `add --all-pending`:
/// those listed by id and those the invitation policy accepts; only the rest are new.
/// </summary>
public sealed class InvitationCoverageTests : IDisposable
{
    private readonly CliHarness cli = new();

    public InvitationCoverageTests()
    {
        var config = File.ReadAllText(cli.ConfigPath);
        var policy = $"invitations:\n  accept: none\n  rules:\n    - creatorAccountIds: [\"{DemoWorld.MeasurementAccount}\"]\n\n";
        File.WriteAllText(cli.ConfigPath, config.Replace("collaborations:\n", policy + "collaborations:\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListedAndPolicyInvitationsAreCoveredAndOnlyTheRestAreNew()
    {
        var table = await cli.RunLocalAsync("invitations");
        var json = await cli.RunLocalAsync("invitations", "--json");
        var add = await cli.RunLocalAsync("add", "--all-pending", "--dry-run");

        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(cli.ConfigPath, document.RootElement.GetProperty("configFile").GetString());
        var coverage = document.RootElement.GetProperty("invitations").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString(), i.GetProperty("inConfig").GetBoolean(), i.GetProperty("coveredBy").ToString()));
        Assert.Equal(
        [
            (DemoWorld.AmcCollaborationId, true, "list"), (DemoWorld.RetailCollaborationId, false, ""), (DemoWorld.MeasurementCollaborationId, true, "policy"),
        ], coverage);
        Assert.Contains("3 pending invitations, 1 not in the config.", table.Out);
        Assert.Matches(@"Measurement Collaboration .* by policy", table.Out);
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(["  - name: Retail Media Collaboration"], add.Out.Split('\n').Where(l => l.Contains("- name:")));
    }

    public void Dispose() => cli.Dispose();
}
