using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>`verify` reads each managed association's schema status in its collaboration.</summary>
public sealed class VerifyTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task VerifyIsGreenAfterUpAndNamesTheReasonWhenARuleIsDeletedBehindOurBack()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var ready = await cli.RunLocalAsync("verify");
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.Contains("All 25 associations are ready.", ready.Out);

        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_gender");
            await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membership.Id, association.Id, "CUSTOM", default);
        });
        var notReady = await cli.RunLocalAsync("verify");

        Assert.Equal(1, notReady.ExitCode);
        Golden.AssertMatches("verify-rule-deleted.txt", cli.Normalize(notReady.Out));
        Assert.Contains("+  table-association[acx_part_gender]/analysis-rule[CUSTOM]", (await cli.RunLocalAsync("preview")).Out);
    }

    [Fact]
    public async Task VerifyWaitRightAfterUpEndsReadyWithTheEmulatorsDefaults()
    {
        // --local as a user runs it: AWS's lag and readiness delay as the emulator plays them by default.
        File.Delete(Path.Combine(cli.LocalDir, "emulator-faults.json"));
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("max: 25", "max: 3"));
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

        var verify = await cli.RunLocalAsync("verify", "--wait", "30s");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("All 3 associations are ready.", verify.Out);
        Assert.Contains("direct READY", verify.Out);
    }

    [Fact]
    public async Task ReadinessThatTakesTimeIsNotReadyRightAfterUpAndVerifyWaitEndsReadyForDirectAndAdditionalAnalysis()
    {
        File.WriteAllText(Path.Combine(cli.LocalDir, "emulator-faults.json"),
            $$"""{ "behaviour": { "lagMs": {{CliHarness.LagMs}}, "readinessDelayMs": {{ReadinessDelayMs}} } }""");
        await AllowAdditionalAnalysesAsync("part_age", "part_gender");
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath) + """
                tables: { include: [part_age, part_gender] }
                analysisRule: { allowedAdditionalAnalyses: ["arn:aws:cleanrooms-ml:us-east-1:921290734397:configured-model-algorithm-association/*"] }

            """);
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

        var early = await cli.RunLocalAsync("verify", "--wait", "1s");
        Assert.True(early.ExitCode == 2, early.ToString());
        Assert.Contains("after 1s, still not READY: acx_part_age (AMC Collaboration), acx_part_gender (AMC Collaboration)", early.Error);
        Assert.Contains("direct NOT_READY (COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED), additional NOT_READY (COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED)", early.Out);

        var verify = await cli.RunLocalAsync("verify", "--wait", "30s");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("waiting: 2 of 2 associations not READY yet", verify.Error);
        Assert.Contains("All 2 associations are ready.", verify.Out);
        Assert.Equal(2, verify.Out.Split('\n').Count(l => l.Contains("direct READY, additional READY", StringComparison.Ordinal)));
    }

    /// <summary>Long enough that the runs right after `up` see the rules as not yet in effect, short enough for one poll of --wait.</summary>
    private const int ReadinessDelayMs = 8000;

    /// <summary>Our configured tables' own rules let additional analyses (Clean Rooms ML) use them, as their owner would set in the console.</summary>
    private async Task AllowAdditionalAnalysesAsync(params string[] tables)
    {
        foreach (var table in tables)
        {
            await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Patch, $"/configuredTables/{PartnerActions.OurTableId(table)}/analysisRule/CUSTOM",
                """{ "analysisRulePolicy": { "v1": { "custom": { "allowedAnalyses": ["ANY_QUERY"], "additionalAnalyses": "ALLOWED" } } } }""");
        }
    }

    [Fact]
    public async Task VerifyWaitGivesUpWithExitTwoNamingWhatIsStillNotReady()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_gender");
            await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membership.Id, association.Id, "CUSTOM", default);
        });

        var verify = await cli.RunLocalAsync("verify", "--wait", "6s");

        Assert.True(verify.ExitCode == 2, verify.ToString());
        Assert.Contains("waiting: 1 of 25 associations not READY yet", verify.Error);
        Assert.Contains("after 6s, still not READY: acx_part_gender (AMC Collaboration)", verify.Error);
        Assert.Equal(1, (await cli.RunLocalAsync("verify", "--wait", "soon")).ExitCode);
    }

    public void Dispose() => cli.Dispose();
}
