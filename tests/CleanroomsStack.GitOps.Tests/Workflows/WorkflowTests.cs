using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using YamlDotNet.RepresentationModel;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>
/// The pipelines in .github/workflows: valid YAML with the triggers, permissions and concurrency the GitOps flow needs,
/// and every cleanrooms-stack command line in them runs against the emulator with the exit code the workflow expects.
/// </summary>
public sealed class WorkflowTests : IDisposable
{
    private static readonly string[] Files =
        [".github/workflows/preview.yml", ".github/workflows/apply.yml", ".github/workflows/drift.yml", ".github/actions/setup-cleanrooms-stack/action.yml"];

    private readonly CliHarness cli = new();

    [Fact]
    public void PreviewRunsOnPullRequestsThatTouchTheConfigAndUpdatesOneComment()
    {
        var preview = WorkflowFile.Load(".github/workflows/preview.yml");

        Assert.Equal(["collaborations.yaml"], preview.List("on", "pull_request", "paths"));
        Assert.Equal("write", preview.Text("permissions", "pull-requests"));
        Assert.Equal("write", preview.Text("permissions", "id-token"));
        var commands = Commands(preview).Select(c => c[0]).ToList();
        Assert.Equal(["validate", "preview"], commands);
        Assert.Contains("--markdown", Commands(preview)[1]);
        var script = WorkflowFile.At(Assert.Single(preview.StepsUsing("actions/github-script")), "with", "script") as YamlScalarNode;
        Assert.Contains("updateComment", script!.Value);
        Assert.Contains("createComment", script.Value);
        AssertAssumesRoleWithOidc(preview, "CLEANROOMS_READ_ROLE_ARN");
    }

    [Fact]
    public void ApplyRunsOnMergeToMainOneAtATimeWithOidcCredentials()
    {
        var apply = WorkflowFile.Load(".github/workflows/apply.yml");

        Assert.Equal(["main"], apply.List("on", "push", "branches"));
        Assert.Equal(["collaborations.yaml"], apply.List("on", "push", "paths"));
        Assert.False(string.IsNullOrEmpty(apply.Text("concurrency", "group")));
        Assert.Equal("false", apply.Text("concurrency", "cancel-in-progress"));
        Assert.Equal("write", apply.Text("permissions", "id-token"));
        Assert.Equal(["up", "--yes", "--no-color", "--read-cache", ".cleanrooms-cache"], Assert.Single(Commands(apply)));
        AssertAssumesRoleWithOidc(apply, "CLEANROOMS_APPLY_ROLE_ARN");
    }

    [Fact]
    public void DriftRunsNightlyAndOpensOrUpdatesAnIssueOnExitCodeTwo()
    {
        var drift = WorkflowFile.Load(".github/workflows/drift.yml");

        var schedule = Assert.IsType<YamlSequenceNode>(drift.At("on", "schedule"));
        var cron = (WorkflowFile.At(Assert.Single(schedule.Children), "cron") as YamlScalarNode)!.Value!;
        Assert.Equal(5, cron.Split(' ').Length);
        Assert.Equal("write", drift.Text("permissions", "issues"));
        Assert.Equal("write", drift.Text("permissions", "id-token"));
        Assert.NotEqual(WorkflowFile.Load(".github/workflows/apply.yml").Text("concurrency", "group"), drift.Text("concurrency", "group"));
        var issueStep = Assert.Single(drift.StepsUsing("actions/github-script"));
        Assert.Equal("steps.drift.outputs.exit-code == '2'", (WorkflowFile.At(issueStep, "if") as YamlScalarNode)!.Value);
        var script = (WorkflowFile.At(issueStep, "with", "script") as YamlScalarNode)!.Value!;
        Assert.Contains("issues.update", script);
        Assert.Contains("issues.create", script);
        AssertAssumesRoleWithOidc(drift, "CLEANROOMS_READ_ROLE_ARN");
    }

    [Fact]
    public void EveryWorkflowThatReadsLiveStateKeepsItsReadCacheBetweenRuns()
    {
        foreach (var file in new[] { ".github/workflows/preview.yml", ".github/workflows/apply.yml", ".github/workflows/drift.yml" })
        {
            var workflow = WorkflowFile.Load(file);
            var reading = Assert.Single(Commands(workflow), c => c[0] is "preview" or "up" or "drift");
            var folder = reading[reading.ToList().IndexOf("--read-cache") + 1];
            var cache = Assert.Single(workflow.StepsUsing("actions/cache@"));
            Assert.Equal(folder, (WorkflowFile.At(cache, "with", "path") as YamlScalarNode)!.Value);
            // actions/cache entries are immutable: a key per run saves each run's cache, the prefix restores the newest.
            Assert.Contains("github.run_id", (WorkflowFile.At(cache, "with", "key") as YamlScalarNode)!.Value);
            Assert.NotNull(WorkflowFile.At(cache, "with", "restore-keys"));
        }
    }

    [Fact]
    public void NoWorkflowHoldsLongLivedAwsKeys()
    {
        foreach (var file in Files)
        {
            var text = File.ReadAllText(Path.Combine(RepoRoot.Path, file));
            Assert.DoesNotContain("aws-access-key-id", text);
            Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text);
        }
    }

    [Fact]
    public async Task EveryToolCommandLineRunsAgainstTheEmulatorWithTheExitCodeItsWorkflowExpects()
    {
        var lines = Files.Select(WorkflowFile.Load).SelectMany(Commands).Select(c => string.Join(' ', c)).ToHashSet();
        Assert.Equal([$"drift --markdown --no-color {ReadCache}", $"preview --markdown --no-color {ReadCache}", $"up --yes --no-color {ReadCache}",
            "validate --no-color"], lines.Order(StringComparer.Ordinal));

        // A pull request: validate, then the plan comment.
        await AssertRuns("validate --no-color", 0, "collaborations.yaml is valid");
        await AssertRuns($"preview --markdown --no-color {ReadCache}", 0, "acx_part_age");
        // The merge applies; the nightly check then finds nothing.
        await AssertRuns($"up --yes --no-color {ReadCache}", 0, "Apply complete: 52 succeeded, 0 failed");
        await AssertRuns($"drift --markdown --no-color {ReadCache}", 0, "No drift.");
        // Someone narrows a rule and edits a role in the console: the nightly check, its cache warm, exits 2 with both.
        await cli.ChangeOutOfBandAsync(NarrowReceiversAsync);
        var drift = await AssertRuns($"drift --markdown --no-color {ReadCache}", 2, "## Drift");
        Assert.Contains("someone-elses", drift.Out);
        // The next merge puts it back; then someone deletes an association in the console: the nightly check, reading
        // the record up left on the membership, exits 2 (an issue) naming it, instead of calling it pending work.
        await AssertRuns($"up --yes --no-color {ReadCache}", 0, "Apply complete: 2 succeeded, 0 failed");
        await cli.ChangeOutOfBandAsync(api => ConsoleEdits.DeleteAssociationAsync(api, "acx_part_income"));
        var deleted = await AssertRuns($"drift --markdown --no-color {ReadCache}", 2, "### Deleted outside the config");
        Assert.Contains("- `table-association[acx_part_income]` in 'AMC Collaboration' was deleted outside the config", deleted.Out);
    }


    /// <summary>What the workflows pass, a folder that actions/cache restores and saves; here it lands in the harness's folder.</summary>
    private const string ReadCache = "--read-cache .cleanrooms-cache";

    private async Task<CliResult> AssertRuns(string line, int exitCode, string expectedOutput)
    {
        var words = line.Split(' ').Select(w => w == ".cleanrooms-cache" ? Path.Combine(cli.Folder, w) : w).ToArray();
        var result = await cli.RunLocalAsync(words);
        Assert.True(result.ExitCode == exitCode, $"{line}: expected exit {exitCode}\n{result}");
        Assert.Contains(expectedOutput, result.Out);
        return result;
    }

    private static async Task NarrowReceiversAsync(ICleanRoomsApi api)
    {
        var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
        var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_age");
        var policy = new AnalysisRulePolicy(new AnalysisRulePolicyV1(Custom: new AnalysisRulePolicyVariant(["921290734397"], [])));
        await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membership.Id, association.Id, "CUSTOM", policy), default);
        await api.UpdateConfiguredTableAssociationAsync(
            new UpdateConfiguredTableAssociationRequest(membership.Id, association.Id, RoleArn: "arn:aws:iam::239083076653:role/someone-elses"), default);
    }

    private static void AssertAssumesRoleWithOidc(WorkflowFile workflow, string roleVariable)
    {
        var step = Assert.Single(workflow.StepsUsing("aws-actions/configure-aws-credentials@"));
        Assert.Equal($"${{{{ vars.{roleVariable} }}}}", (WorkflowFile.At(step, "with", "role-to-assume") as YamlScalarNode)!.Value);
        Assert.Null(WorkflowFile.At(step, "with", "aws-access-key-id"));
    }

    private static List<IReadOnlyList<string>> Commands(WorkflowFile workflow) =>
        workflow.RunScripts().SelectMany(ToolCommandLines.In).ToList();

    public void Dispose() => cli.Dispose();
}
