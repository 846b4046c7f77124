namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Issue #15 through the CLI, with the emulator enforcing AWS's rule (a collaboration rule must match the configured
/// table's own rule type): a LIST table under an explicit CUSTOM rule fails at preview, naming the table, and under
/// `auto` gets a LIST rule that `up` applies without failure.
/// </summary>
public sealed class RuleFitsTableCliTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task A_list_table_fails_preview_under_custom_and_is_applied_with_a_list_rule_under_auto()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("invitations")).ExitCode);
        await cli.ReplaceTableRuleAsync("part_age", "LIST", PartnerActions.ListRule);

        var custom = await cli.RunLocalAsync("preview");
        Assert.True(custom.ExitCode == 1, custom.ToString());
        Assert.Contains("CS219", custom.Out + custom.Error);
        Assert.Contains("configured table 'part_age' has a LIST rule", custom.Out + custom.Error);

        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("type: CUSTOM", "type: auto"));
        var auto = await cli.RunLocalAsync("preview", "--json");
        Assert.Contains("table-association[acx_part_age]/analysis-rule[LIST]", auto.Out);
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
    }

    public void Dispose() => cli.Dispose();
}
