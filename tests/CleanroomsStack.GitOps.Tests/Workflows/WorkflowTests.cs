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
    private static readonly string[] Workflows =
        [".github/workflows/preview.yml", ".github/workflows/apply.yml", ".github/workflows/drift.yml", ".github/workflows/invitations.yml"];

    private static readonly string[] Files = [.. Workflows, ".github/actions/setup-cleanrooms-stack/action.yml"];

    private static readonly string[] ConfigPaths = ["collaborations.yaml", "collaborations.*.yaml"];

    private readonly CliHarness cli = new();

    [Fact]
    public void PreviewRunsOnPullRequestsThatTouchAStacksConfigAndUpdatesOneCommentPerStack()
    {
        var preview = WorkflowFile.Load(".github/workflows/preview.yml");

        Assert.Equal(ConfigPaths, preview.List("on", "pull_request", "paths"));
        Assert.Equal("write", preview.Text("permissions", "pull-requests"));
        Assert.Equal("write", preview.Text("permissions", "id-token"));
        var commands = Commands(preview).Select(c => c[0]).ToList();
        Assert.Equal(["validate", "preview"], commands);
        Assert.Contains("--markdown", Commands(preview)[1]);
        var script = WorkflowFile.At(Assert.Single(preview.StepsUsing("actions/github-script")), "with", "script") as YamlScalarNode;
        Assert.Contains("require('./.github/scripts/plan-comment.js')", script!.Value);
        var shared = File.ReadAllText(Path.Combine(RepoRoot.Path, ".github", "scripts", "plan-comment.js"));
        Assert.Contains("updateComment", shared);
        Assert.Contains("createComment", shared);
        AssertAssumesRoleWithOidc(preview, "read-role", "CLEANROOMS_READ_ROLE_ARN");
    }

    [Fact]
    public void ApplyRunsOnMergeToMainOneAtATimePerStackWithOidcCredentials()
    {
        var apply = WorkflowFile.Load(".github/workflows/apply.yml");

        Assert.Equal(["main"], apply.List("on", "push", "branches"));
        Assert.Equal(ConfigPaths, apply.List("on", "push", "paths"));
        var job = Job(apply);
        Assert.Equal("cleanrooms-stack-apply-${{ matrix.stack }}", Text(job, "concurrency", "group"));
        Assert.Equal("false", Text(job, "concurrency", "cancel-in-progress"));
        Assert.Equal("${{ matrix.environment }}", Text(job, "environment"));
        Assert.Equal("production", Text(DefaultStack(apply), "environment"));
        Assert.Equal("write", apply.Text("permissions", "id-token"));
        Assert.Equal(["up", "--yes", "--no-color", "--read-cache", ".cleanrooms-cache"], Assert.Single(Commands(apply)));
        AssertAssumesRoleWithOidc(apply, "apply-role", "CLEANROOMS_APPLY_ROLE_ARN");
    }

    [Fact]
    public void ApplyHasADocumentedScheduleThatIsOffUntilUncommented()
    {
        var path = Path.Combine(RepoRoot.Path, ".github", "workflows", "apply.yml");
        var lines = File.ReadAllLines(path);
        var schedule = Array.FindIndex(lines, l => l == "  # schedule:");

        Assert.Null(WorkflowFile.Load(".github/workflows/apply.yml").At("on", "schedule"));
        Assert.True(schedule > 0, "apply.yml has no commented-out 'schedule:' under 'on:'");
        Assert.Contains("pending work", string.Join('\n', lines[..schedule]).ToLowerInvariant()); // says what it is for
        // Uncommented as the comment says, it is a valid nightly trigger beside the others.
        lines[schedule] = "  schedule:";
        lines[schedule + 1] = lines[schedule + 1].Replace("  #   - cron:", "    - cron:", StringComparison.Ordinal);
        var enabled = Path.Combine(cli.Folder, "apply.yml");
        File.WriteAllLines(enabled, lines);
        var workflow = WorkflowFile.Load(enabled);
        Assert.Equal(5, Cron(workflow).Split(' ').Length);
        Assert.Equal(ConfigPaths, workflow.List("on", "push", "paths"));
    }

    [Fact]
    public void DriftRunsNightlyAndOpensOrUpdatesAnIssueOnExitCodeTwo()
    {
        var drift = WorkflowFile.Load(".github/workflows/drift.yml");

        Assert.Equal(5, Cron(drift).Split(' ').Length);
        Assert.Equal("write", drift.Text("permissions", "issues"));
        Assert.Equal("write", drift.Text("permissions", "id-token"));
        Assert.NotEqual(Text(Job(WorkflowFile.Load(".github/workflows/apply.yml")), "concurrency", "group"), Text(Job(drift), "concurrency", "group"));
        var issueStep = Assert.Single(drift.StepsUsing("actions/github-script"));
        Assert.Equal("steps.drift.outputs.exit-code == '2'", (WorkflowFile.At(issueStep, "if") as YamlScalarNode)!.Value);
        var script = (WorkflowFile.At(issueStep, "with", "script") as YamlScalarNode)!.Value!;
        Assert.Contains("issues.update", script);
        Assert.Contains("issues.create", script);
        AssertAssumesRoleWithOidc(drift, "read-role", "CLEANROOMS_READ_ROLE_ARN");
    }

    [Fact]
    public void InvitationsRunNightlyWithTheReadRoleAndMayOpenPullRequests()
    {
        var invitations = WorkflowFile.Load(".github/workflows/invitations.yml");

        Assert.Equal(5, Cron(invitations).Split(' ').Length);
        Assert.Equal("write", invitations.Text("permissions", "contents"));
        Assert.Equal("write", invitations.Text("permissions", "pull-requests"));
        Assert.Equal("write", invitations.Text("permissions", "id-token"));
        Assert.Equal(["invitations", "add", "preview"], Commands(invitations).Select(c => c[0]));
        Assert.Equal(["--target", "$id"], Commands(invitations)[2].TakeLast(2)); // the plan of accepting this invitation only
        var script = (WorkflowFile.At(Assert.Single(invitations.StepsUsing("actions/github-script")), "with", "script") as YamlScalarNode)!.Value!;
        Assert.Contains("require('./.github/scripts/invitation-pull-requests.js')", script);
        AssertAssumesRoleWithOidc(invitations, "read-role", "CLEANROOMS_READ_ROLE_ARN");
    }

    [Fact]
    public void EveryWorkflowRunsAMatrixOverStacksEachWithItsOwnRoleVariables()
    {
        foreach (var workflow in Workflows.Select(WorkflowFile.Load))
        {
            var job = Job(workflow);
            Assert.Equal("${{ matrix.stack }}", Text(job, "env", "CLEANROOMS_STACK"));
            Assert.Equal("false", Text(job, "strategy", "fail-fast"));
            Assert.Equal("AWS_REGION", Text(DefaultStack(workflow), "region"));
            var step = Assert.Single(workflow.StepsUsing("aws-actions/configure-aws-credentials@"));
            Assert.Equal("${{ vars[matrix.region] }}", (WorkflowFile.At(step, "with", "aws-region") as YamlScalarNode)!.Value);
        }
    }

    [Fact]
    public void EveryWorkflowThatReadsLiveStateKeepsItsReadCacheBetweenRuns()
    {
        foreach (var file in Workflows)
        {
            var workflow = WorkflowFile.Load(file);
            var reading = Assert.Single(Commands(workflow), c => c[0] is "preview" or "up" or "drift");
            var folder = reading[reading.ToList().IndexOf("--read-cache") + 1];
            var cache = Assert.Single(workflow.StepsUsing("actions/cache@"));
            Assert.Equal(folder, (WorkflowFile.At(cache, "with", "path") as YamlScalarNode)!.Value);
            // actions/cache entries are immutable: a key per run saves each run's cache, the prefix restores the newest.
            // Each stack's runs restore their own entries first.
            Assert.Contains("${{ matrix.stack }}-${{ github.run_id }}", (WorkflowFile.At(cache, "with", "key") as YamlScalarNode)!.Value);
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
        Assert.Equal(["add $id --no-color", $"drift --markdown --no-color {ReadCache}", "invitations --json --no-color",
            $"preview --markdown --no-color {ReadCache}", $"preview --markdown --no-color {ReadCache} --target $id", $"up --yes --no-color {ReadCache}",
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
        // The nightly invitations run: the list, then each uncovered invitation added and its acceptance previewed.
        await AssertRuns("invitations --json --no-color", 0, $"\"id\": \"{RetailId}\"");
        await AssertRuns("add $id --no-color", 0, $"Added 'Retail Media Collaboration' ({RetailId})");
        await AssertRuns($"preview --markdown --no-color {ReadCache} --target $id", 0, "accept invitation from Retail Media Partner");
    }

    private const string RetailId = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";

    /// <summary>What the workflows pass, a folder that actions/cache restores and saves; here it lands in the harness's folder.</summary>
    private const string ReadCache = "--read-cache .cleanrooms-cache";

    private async Task<CliResult> AssertRuns(string line, int exitCode, string expectedOutput)
    {
        var words = line.Split(' ').Select(w => w switch { ".cleanrooms-cache" => Path.Combine(cli.Folder, w), "$id" => RetailId, _ => w }).ToArray();
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

    /// <summary>
    /// The AWS step assumes the role named by the stack's matrix entry, by OIDC (never with keys); the default stack's
    /// entry names <paramref name="defaultVariable"/>.
    /// </summary>
    private static void AssertAssumesRoleWithOidc(WorkflowFile workflow, string matrixKey, string defaultVariable)
    {
        var step = Assert.Single(workflow.StepsUsing("aws-actions/configure-aws-credentials@"));
        Assert.Equal($"${{{{ vars[matrix.{matrixKey}] }}}}", (WorkflowFile.At(step, "with", "role-to-assume") as YamlScalarNode)!.Value);
        Assert.Null(WorkflowFile.At(step, "with", "aws-access-key-id"));
        Assert.Equal(defaultVariable, Text(DefaultStack(workflow), matrixKey));
    }

    /// <summary>The workflow's one job.</summary>
    private static YamlMappingNode Job(WorkflowFile workflow) =>
        (YamlMappingNode)Assert.Single(((YamlMappingNode)workflow.At("jobs")!).Children).Value;

    /// <summary>The matrix entry of the default stack (collaborations.yaml).</summary>
    private static YamlNode DefaultStack(WorkflowFile workflow) =>
        Assert.Single(((YamlSequenceNode)WorkflowFile.At(Job(workflow), "strategy", "matrix", "include")!).Children, e => Text(e, "stack") == "");

    private static string? Text(YamlNode node, params string[] keys) => (WorkflowFile.At(node, keys) as YamlScalarNode)?.Value;

    private static string Cron(WorkflowFile workflow) =>
        Text(Assert.Single(Assert.IsType<YamlSequenceNode>(workflow.At("on", "schedule")).Children), "cron")!;

    private static List<IReadOnlyList<string>> Commands(WorkflowFile workflow) =>
        workflow.RunScripts().SelectMany(ToolCommandLines.In).ToList();

    public void Dispose() => cli.Dispose();
}
