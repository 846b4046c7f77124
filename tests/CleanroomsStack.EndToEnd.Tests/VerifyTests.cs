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
    public async Task VerifyWaitRightAfterUpEndsReadyAndReportsDirectAnalysis()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

        var verify = await cli.RunLocalAsync("verify", "--wait", "30s");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("All 25 associations are ready.", verify.Out);
        Assert.Contains("direct READY", verify.Out);
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
