using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The plan preview prints is exactly what `up` applies, on a world that meets every check preview makes before AWS
/// would refuse something at `up`: a partner's table names in a collaboration we are a member of, configured tables with
/// LIST, AGGREGATION and CUSTOM rules under <c>analysisRule.type: auto</c>, and an invitation that makes our account pay
/// for model inference. The emulator enforces each of those rules, so a check that let something through would show
/// here as a failed change.
/// </summary>
public sealed class PlanIsWhatUpAppliesTests : IDisposable
{
    private const string MachineLearning = "Measurement ML";
    private readonly CliHarness cli = new();

    private string PlanFile => Path.Combine(cli.Folder, "plan.json");

    private string AuditFile => Path.Combine(cli.Folder, "audit.jsonl");

    [Fact]
    public async Task Every_change_preview_planned_is_applied_by_up_and_nothing_else_and_nothing_fails()
    {
        var invitation = await BuildWorldAsync();

        var preview = await cli.RunLocalAsync("preview", "--json", "--out", PlanFile);
        Assert.True(preview.ExitCode == 0, preview.ToString());
        var planned = Planned(JsonNode.Parse(preview.Out)!);
        Assert.Contains(($"membership[{DemoWorld.AmcCollaborationId}]", "update"), planned);
        Assert.Contains(($"membership[{invitation}]", "create"), planned);
        Assert.Contains(($"membership[{DemoWorld.AmcCollaborationId}]/table-association[acx_part_age]/analysis-rule[LIST]", "create"), planned);
        Assert.Contains(($"membership[{DemoWorld.AmcCollaborationId}]/table-association[acx_part_gender]/analysis-rule[AGGREGATION]", "create"), planned);
        Assert.Contains(($"membership[{invitation}]/table-association[acx_part_income]/analysis-rule[CUSTOM]", "create"), planned);

        var up = await cli.RunLocalAsync("up", "--plan", PlanFile, "--audit-log", AuditFile);
        Assert.True(up.ExitCode == 0, up.ToString());
        var applied = File.ReadAllLines(AuditFile).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.All(applied, entry => Assert.True((string)entry["outcome"]! == "succeeded", entry.ToJsonString()));
        // Besides the changes, up writes each membership's record of what it manages for drift (action "record"):
        // bookkeeping in tags the tool reserves, not a change of the plan.
        var changes = applied.Select(e => ((string)e["address"]!, (string)e["action"]!)).ToList();
        Assert.Equal(planned.Order(), changes.Where(c => c.Item2 != "record").Order());
        string[] memberships = [$"membership[{DemoWorld.AmcCollaborationId}]", $"membership[{invitation}]"];
        Assert.Equal(memberships.Order(), changes.Where(c => c.Item2 == "record").Select(c => c.Item1).Order());

        var after = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    /// <summary>Every change of the plan document that does something, as (address, action).</summary>
    private static List<(string, string)> Planned(JsonNode plan) =>
        plan["collaborations"]!.AsArray().SelectMany(c => c!["changes"]!.AsArray())
            .Select(c => ((string)c!["address"]!, (string)c["action"]!))
            .Where(c => c.Item2 != "no-op")
            .ToList();

    /// <summary>
    /// We are a member of AMC's collaboration already (with query logging off, which the config turns on) and AMC has a
    /// table of its own there; part_age has a LIST rule and part_gender an AGGREGATION rule; the measurement partner's
    /// invitation makes us pay for model inference. The config takes each table's own rule type and joins both.
    /// </summary>
    private async Task<string> BuildWorldAsync()
    {
        await cli.ChangeOutOfBandAsync(api => api.CreateMembershipAsync(new CreateMembershipRequest(DemoWorld.AmcCollaborationId, "DISABLED"), default));
        cli.GivePartnerATable("amc_audience");
        await cli.ReplaceTableRuleAsync("part_age", "LIST", PartnerActions.ListRule);
        await cli.ReplaceTableRuleAsync("part_gender", "AGGREGATION", PartnerActions.AggregationRule);
        var invitation = await cli.InviteUsToPayForModelInferenceAsync(MachineLearning);
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("type: CUSTOM", "type: auto") + $"""

              - name: {MachineLearning}
                id: {invitation}
                tables: {"{"} include: [part_age, part_gender, part_income] {"}"}

            """);
        return invitation;
    }

    public void Dispose() => cli.Dispose();
}
