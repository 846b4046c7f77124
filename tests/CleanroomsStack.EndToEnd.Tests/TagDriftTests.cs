using System.Text.Json.Nodes;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #15: tags the config names are compared on every read and set back in place. A tag changed in the console is
/// drift (<c>~ tags.team</c>), `up` sets it with TagResource alone, and a tag the config doesn't name is left alone.
/// </summary>
public sealed class TagDriftTests : IDisposable
{
    private readonly CliHarness cli = new();

    public TagDriftTests() =>
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("  region: us-east-1\n", "  region: us-east-1\n  tags: { team: acx }\n"));

    [Fact]
    public async Task A_tag_changed_outside_the_config_is_drift_that_up_sets_back_leaving_other_tags_alone()
    {
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        await cli.ChangeOutOfBandAsync(async api => await api.TagResourceAsync(await ArnOfAsync(api, "acx_part_age"),
            new Dictionary<string, string> { ["team"] = "someone-else", ["owner"] = "console" }, default));

        var drift = await cli.RunLocalAsync("drift", "--no-color");
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("~  table-association[acx_part_age]", drift.Out);
        Assert.Contains("tags.team  someone-else → acx", drift.Out);
        Assert.DoesNotContain("owner", drift.Out);
        var preview = await cli.RunLocalAsync("preview", "--no-color", "--detailed-exitcode");
        Assert.True(preview.ExitCode == 2, preview.ToString());
        Assert.Contains("tags.team  someone-else → acx", preview.Out);
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete", preview.Out);

        var fix = await cli.RunLocalAsync("up", "--yes");
        Assert.True(fix.ExitCode == 0, fix.ToString());

        var line = LastAuditLine("table-association");
        Assert.Equal("update", (string)line["action"]!);
        Assert.Equal(["TagResource"], line["calls"]!.AsArray().Select(c => (string)c!["operation"]!).Distinct());
        var after = await cli.RunLocalAsync("preview", "--no-color", "--detailed-exitcode");
        Assert.True(after.ExitCode == 0, after.ToString());
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var tags = await api.ListTagsForResourceAsync(await ArnOfAsync(api, "acx_part_age"), default);
            Assert.Equal(("acx", "console"), (tags["team"], tags["owner"]));
        });
    }

    private static async Task<string> ArnOfAsync(ICleanRoomsApi api, string association)
    {
        var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
        return (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == association).Arn;
    }

    private JsonObject LastAuditLine(string kind) =>
        File.ReadAllLines(Path.Combine(cli.Folder, ".cleanrooms-stack", "audit.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject())
            .Last(l => (string)l["kind"]! == kind);

    public void Dispose() => cli.Dispose();
}
