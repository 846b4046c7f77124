using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The CLI against an embedded emulator that plays AWS's own behaviours (docs/emulator.md, "What AWS does that we
/// model"), set through the local folder's emulator-faults.json: 403 for missing resources, read-after-write lag on Gets
/// and child creates, lost responses, repeated list items, and both ways of leaving.
/// </summary>
public sealed class AwsSemanticsTests : IDisposable
{
    private const string Amc = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    private readonly CliHarness cli = new();

    private void Faults(string json)
    {
        Directory.CreateDirectory(cli.LocalDir);
        File.WriteAllText(Path.Combine(cli.LocalDir, "emulator-faults.json"), json);
    }

    [Fact]
    public async Task With_the_emulators_defaults_up_converges_in_one_run_and_preview_then_exits_0()
    {
        File.Delete(Path.Combine(cli.LocalDir, "emulator-faults.json")); // the emulator's own defaults, not the harness's short lag
        var up = await cli.RunLocalAsync("up", "--yes");
        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    [Fact]
    public async Task Fresh_invitations_converge_in_one_run_with_403_for_missing_get_lag_and_lost_responses_at_once()
    {
        Faults("""{ "seed": 5, "lostResponseRate": 0.1, "behaviour": { "missingAs": "AccessDenied", "lagMs": 1500 } }""");

        var up = await cli.RunLocalAsync("up", "--yes");
        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    [Fact]
    public async Task Repeated_list_items_delete_nothing_and_every_applied_change_is_audited_before_the_summary()
    {
        Faults("""{ "behaviour": { "repeatListItems": true } }""");
        var first = await cli.RunLocalAsync("up", "--yes");
        Assert.True(first.ExitCode == 0, first.ToString());
        // A change of the config makes the second run read the listings it must not misread, and apply something.
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("for Clean Rooms joins", "for Clean Rooms joins (v2)"));

        var second = await cli.RunLocalAsync("up", "--yes");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotMatch(@"(?m)^\s*- ", second.Out);
        var summary = second.Out.IndexOf("Apply complete", StringComparison.Ordinal);
        Assert.True(summary < 0 || !Regex.IsMatch(second.Out[summary..], @"(?m)^\s*[+~-]"), second.Out);
        var actions = File.ReadAllLines(AuditLog.DefaultPathFor(cli.ConfigPath)).Select(l => (string)JsonNode.Parse(l)!["action"]!).ToList();
        var applied = Regex.Matches(first.Out + second.Out, @"Apply complete: (\d+) succeeded").Sum(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(applied, actions.Count(a => a != AuditEntry.RecordAction));
        // The first run also recorded what the membership manages; the second changed nothing the record holds.
        Assert.Equal(1, actions.Count(a => a == AuditEntry.RecordAction));
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
    }

    [Theory]
    [InlineData("listed")]
    [InlineData("gone")]
    public async Task After_leaving_a_config_saying_state_left_plans_nothing_whether_the_membership_is_listed_or_gone(string leave)
    {
        Faults($$"""{ "behaviour": { "leave": "{{leave}}" } }""");
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath)
            .Replace("note: Primary AMC collaboration", "note: Primary AMC collaboration\n    state: left"));

        var left = await cli.RunLocalAsync("up", "--yes", "--allow-leave", Amc);
        var again = await cli.RunLocalAsync("preview", "--detailed-exitcode");

        Assert.True(left.ExitCode == 0, left.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("error", again.Out + again.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("has left", again.Out + again.Error);
    }

    public void Dispose() => cli.Dispose();
}
