using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>Golden files for every output format of every command, and their exit codes, on the demo world.</summary>
public sealed class CliOutputTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("preview-fresh.txt")]
    [InlineData("preview-fresh-diff.txt", "--diff")]
    [InlineData("preview-fresh.json", "--json")]
    [InlineData("preview-fresh.md", "--markdown")]
    public async Task PreviewOfTheDemoWorldInEveryFormat(string golden, params string[] format)
    {
        var preview = await cli.RunLocalAsync(["preview", .. format]);

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Golden.AssertMatches(golden, cli.Normalize(preview.Out));
    }

    [Fact]
    public async Task InvitationsListsThePendingOnesAndWhetherTheConfigCoversThem()
    {
        var invitations = await cli.RunLocalAsync("invitations");

        Assert.Equal(0, invitations.ExitCode);
        Golden.AssertMatches("invitations.txt", cli.Normalize(invitations.Out));
    }

    [Fact]
    public async Task DriftInAResultReceiverIsReportedAsDriftAndUpRestoresIt()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunLocalAsync("drift")).ExitCode);
        await cli.ChangeOutOfBandAsync(api => NarrowReceiversAsync(api, "acx_part_age"));

        var drift = await cli.RunLocalAsync("drift");
        Assert.Equal(2, drift.ExitCode);
        Golden.AssertMatches("drift-receivers.txt", cli.Normalize(drift.Out));
        Assert.Equal(2, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
        Assert.Equal(1, (await cli.RunLocalAsync("preview", "--expect-no-changes")).ExitCode);

        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.Equal(0, up.ExitCode);
        Golden.AssertMatches("up-receivers.txt", cli.Normalize(up.Out));

        await cli.ChangeOutOfBandAsync(api => NarrowReceiversAsync(api, "acx_part_income"));
        var upJson = await cli.RunLocalAsync("up", "--yes", "--json");
        Assert.Equal(0, upJson.ExitCode);
        Golden.AssertMatches("up-receivers.jsonl", cli.Normalize(upJson.Out));

        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--expect-no-changes")).ExitCode);
        Assert.Equal(0, (await cli.RunLocalAsync("drift")).ExitCode);
    }

    [Fact]
    public async Task ASavedPlanAppliesWhileItsInputsHoldAndIsRefusedOnceTheyChange()
    {
        var planPath = Path.Combine(cli.Folder, "plan.json");
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--out", planPath)).ExitCode);
        File.AppendAllText(cli.ConfigPath, "# a comment is a change to the config text\n");

        var stale = await cli.RunLocalAsync("up", "--plan", planPath);

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("the configuration changed since the plan was saved", stale.Error);
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--out", planPath)).ExitCode);
        var applied = await cli.RunLocalAsync("up", "--plan", planPath);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("Apply complete: 52 succeeded", applied.Out);

        var replay = await cli.RunLocalAsync("up", "--plan", planPath);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("the live state in AWS changed since the plan was saved", replay.Error);
    }

    [Fact]
    public async Task UpRefusesWithoutConfirmationWhenNothingCanAsk()
    {
        var up = await cli.RunLocalAsync("up");

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("refusing to apply without confirmation", up.Error);
        Assert.Equal(2, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
    }

    [Fact]
    public async Task MaxRpsPacesEveryOperationOnTheClientAndRejectsRatesThatCantWork()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

        // 25 association reads at 20/s with a burst of 2 must wait for the bucket; unpaced, the local mode never waits.
        var paced = await cli.RunLocalAsync("preview", "--verbose", "--max-rps", "20");
        var unpaced = await cli.RunLocalAsync("preview", "--verbose");

        Assert.Equal(0, paced.ExitCode);
        Assert.Contains(RateLimitWaits(paced.Error), ms => ms > 0);
        // The log names a wait only when there was one, so unpaced the reads show up without any.
        Assert.Contains("GetConfiguredTableAssociation attempt 1: 200", unpaced.Error);
        Assert.All(RateLimitWaits(unpaced.Error), ms => Assert.Equal(0, ms));
        var zero = await cli.RunLocalAsync("preview", "--max-rps", "0");
        Assert.Equal(1, zero.ExitCode);
        Assert.Contains("--max-rps must be a number of requests per second above 0", zero.Error);
    }

    private static List<int> RateLimitWaits(string log) =>
        System.Text.RegularExpressions.Regex.Matches(log, @"waited (\d+) ms rate limit").Select(m => int.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task ValidateReportsEveryProblemOfABrokenConfigWithItsPlace()
    {
        Assert.Equal(0, (await CliHarness.RunAsync("validate", "--config", cli.ConfigPath)).ExitCode);
        var text = File.ReadAllText(cli.ConfigPath)
            .Replace("queryLogStatus: ENABLED", "queryLogStatus: SOMETIMES")
            .Replace("max: 25", "max: lots")
            .Replace("note: Primary", "notes: Primary");
        File.WriteAllText(cli.ConfigPath, text);

        var validate = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath);

        Assert.Equal(1, validate.ExitCode);
        Golden.AssertMatches("validate-broken.txt", cli.Normalize(validate.Error));
    }

    [Fact]
    public async Task InitWritesAStarterThatValidatesAndNeverOverwrites()
    {
        var path = Path.Combine(cli.Folder, "new.yaml");

        Assert.Equal(0, (await CliHarness.RunAsync("init", "--config", path)).ExitCode);
        Assert.Equal(0, (await CliHarness.RunAsync("validate", "--config", path)).ExitCode);
        var again = await CliHarness.RunAsync("init", "--config", path);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Theory]
    [InlineData("help.txt", "--help")]
    [InlineData("help-preview.txt", "preview", "--help")]
    [InlineData("help-up.txt", "up", "--help")]
    [InlineData("help-drift.txt", "drift", "--help")]
    [InlineData("help-invitations.txt", "invitations", "--help")]
    [InlineData("help-add.txt", "add", "--help")]
    [InlineData("help-validate.txt", "validate", "--help")]
    [InlineData("help-init.txt", "init", "--help")]
    [InlineData("help-emulator.txt", "emulator", "--help")]
    [InlineData("help-import.txt", "import", "--help")]
    [InlineData("help-verify.txt", "verify", "--help")]
    [InlineData("help-completion.txt", "completion", "--help")]
    public async Task HelpTexts(string golden, params string[] args)
    {
        var help = await CliHarness.RunAsync(args);

        Assert.Equal(0, help.ExitCode);
        Golden.AssertMatches(golden, help.Out);
    }

    /// <summary>An edit in the console: the association's rule lets only AMC receive results.</summary>
    internal static async Task NarrowReceiversAsync(ICleanRoomsApi api, string associationName)
    {
        var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
        var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == associationName);
        var policy = new AnalysisRulePolicy(new AnalysisRulePolicyV1(Custom: new AnalysisRulePolicyVariant(["921290734397"], [])));
        await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membership.Id, association.Id, "CUSTOM", policy), default);
    }

    public void Dispose() => cli.Dispose();
}
