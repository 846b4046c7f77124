using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #16: `drift` sees deletions. `up` records on the membership what it applied; an association and its rule
/// deleted in the console are then drift ("deleted outside the config", exit 2, both named), `up` re-creates them, and a
/// table never applied stays pending work (exit 0). The counts are the whole plan's.
/// </summary>
public sealed class DeletedOutsideTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task An_association_and_its_rule_deleted_outside_the_config_are_drift_named_and_counted_and_up_recreates_them()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        await cli.ChangeOutOfBandAsync(api => ConsoleEdits.DeleteAssociationAsync(api, "acx_part_age"));

        var drift = await cli.RunLocalAsync("drift", "--no-color");

        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("  - table-association[acx_part_age] in 'AMC Collaboration' was deleted outside the config\n", drift.Out);
        Assert.Contains("  - table-association[acx_part_age]/analysis-rule[CUSTOM] in 'AMC Collaboration' was deleted outside the config\n", drift.Out);
        Assert.Contains("# create: deleted outside the config (the last up applied it); table 'part_age' is selected and not associated yet", drift.Out);
        Assert.Contains("Plan: 2 to create, 0 to update, 0 to replace, 0 to delete; 50 unchanged; 0 unmanaged.", drift.Out);
        Assert.Contains("No pending work.", drift.Out);
        Assert.Contains("Drift detected: 2 change(s), 2 of them deleted outside the config.", drift.Out);
        var markdown = await cli.RunLocalAsync("drift", "--markdown", "--no-color");
        Assert.Equal(2, markdown.ExitCode);
        Assert.Contains("### Deleted outside the config\n- `table-association[acx_part_age]` in 'AMC Collaboration' was deleted outside the config", markdown.Out);

        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Apply complete: 2 succeeded, 0 failed, 0 skipped", up.Out);

        var after = await cli.RunLocalAsync("drift", "--no-color");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("No changes. 52 unchanged; 0 unmanaged.", after.Out);
        Assert.EndsWith("No drift.\n", after.Out);
    }

    [Fact]
    public async Task A_table_never_applied_is_pending_work_not_drift()
    {
        var config = File.ReadAllText(cli.ConfigPath);
        File.WriteAllText(cli.ConfigPath, config.Replace("max: 25", "max: 24"));
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.WriteAllText(cli.ConfigPath, config);

        var drift = await cli.RunLocalAsync("drift", "--no-color");

        Assert.True(drift.ExitCode == 0, drift.ToString());
        Assert.Contains("No changes. 50 unchanged; 0 unmanaged.", drift.Out);
        Assert.Contains("Pending: 2 to create.", drift.Out);
        Assert.DoesNotContain("deleted outside the config", drift.Out);
        Assert.EndsWith("No drift.\n", drift.Out);
    }

    /// <summary>
    /// A run that creates nothing doesn't read the record (preview, drift), but up does, to rewrite one that is missing or
    /// stale. A saved plan was read as preview reads, so `up --plan` checks it first and reads the record after.
    /// </summary>
    [Fact]
    public async Task A_saved_plan_with_nothing_to_change_is_applied_and_up_writes_the_record_the_membership_lost()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        await cli.ChangeOutOfBandAsync(ConsoleEdits.RemoveRecordAsync);
        var plan = Path.Combine(cli.Folder, "plan.json");
        var audit = Path.Combine(cli.Folder, "audit.jsonl");
        var preview = await cli.RunLocalAsync("preview", "--out", plan);
        Assert.True(preview.ExitCode == 0, preview.ToString());

        var up = await cli.RunLocalAsync("up", "--plan", plan, "--audit-log", audit);

        Assert.True(up.ExitCode == 0, up.ToString());
        var entry = JsonNode.Parse(Assert.Single(File.ReadAllLines(audit)))!;
        Assert.Equal(("record", $"membership[{DemoWorld.AmcCollaborationId}]"), ((string)entry["action"]!, (string)entry["address"]!));
        // With the record back, a deletion in the console is drift again.
        await cli.ChangeOutOfBandAsync(api => ConsoleEdits.DeleteAssociationAsync(api, "acx_part_age"));
        var drift = await cli.RunLocalAsync("drift", "--no-color");
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("Drift detected: 2 change(s), 2 of them deleted outside the config.", drift.Out);
    }

    public void Dispose() => cli.Dispose();
}
