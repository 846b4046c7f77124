using System.Text.Json.Nodes;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>
/// invitations.yml run for real: its shell steps in bash with cleanrooms-stack against the emulator (the demo world's
/// three pending invitations, AMC's in the config), then its github-script step against an in-memory GitHub holding the
/// repository. One pull request per uncovered invitation, none for the covered one; a rerun updates them rather than
/// opening more. (Closing, and pull requests a person changed: GitHubScriptTests.)
/// </summary>
public sealed class InvitationsWorkflowTests : IDisposable
{
    private const string Workflow = ".github/workflows/invitations.yml";
    private const string Prefix = "cleanrooms-stack/invitation/";

    private readonly CliHarness cli = new();
    private readonly string bin;

    public InvitationsWorkflowTests()
    {
        GitHubScript.CopyScriptsTo(cli.Folder);
        // The tool as the setup action puts it on the PATH, here pointed at this harness's emulator.
        bin = Directory.CreateDirectory(Path.Combine(cli.Folder, "bin")).FullName;
        var shim = Path.Combine(bin, "cleanrooms-stack");
        File.WriteAllText(shim, "#!/usr/bin/env bash\n" +
            $"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "cleanrooms-stack.dll")}' \"$@\" --local --local-dir '{cli.LocalDir}'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task OnePullRequestPerUncoveredInvitationNoneForTheCoveredOneAndARerunUpdatesThem()
    {
        var config = File.ReadAllText(cli.ConfigPath);
        var repository = new JsonObject
        {
            ["refs"] = new JsonObject { ["main"] = "c0" },
            ["commits"] = new JsonObject { ["c0"] = Commit("initial", [], config) },
        };

        var first = await RunWorkflowAsync(repository);

        var pulls = Open(first);
        Assert.Equal([Prefix + DemoWorld.RetailCollaborationId, Prefix + DemoWorld.MeasurementCollaborationId], pulls.Select(p => p["head"]!["ref"]!.GetValue<string>()));
        Assert.Equal(2, GitHubScript.Calls(first).Count(c => c == "pulls.create"));
        var retail = pulls[0];
        Assert.Equal("Accept the invitation to Retail Media Collaboration from Retail Media Partner", retail["title"]!.GetValue<string>());
        Assert.Equal(["invitation"], retail["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var added = LineDiff.Added(config, FileOnBranch(first, Prefix + DemoWorld.RetailCollaborationId));
        Assert.Equal(["  - name: Retail Media Collaboration", $"    id: {DemoWorld.RetailCollaborationId}"], added.Take(2));
        Assert.Equal(4, added.Count);
        var comment = Assert.Single(first["comments"]!.AsArray(), c => c!["issue_number"]!.GetValue<int>() == retail["number"]!.GetValue<int>())!;
        Assert.StartsWith("<!-- cleanrooms-stack preview -->\n", comment["body"]!.GetValue<string>());
        Assert.Contains("accept invitation from Retail Media Partner (657425294073)", comment["body"]!.GetValue<string>());
        Assert.DoesNotContain("AMC Collaboration", comment["body"]!.GetValue<string>()); // the plan of this invitation only

        var second = await RunWorkflowAsync(GitHubScript.Next(first));

        Assert.Equal(["pulls.update", "updateComment", "pulls.update", "updateComment"], GitHubScript.Calls(second));
        Assert.Equal(2, Open(second).Count);
    }

    /// <summary>A fresh checkout runs the workflow's run steps in order, then its github-script step.</summary>
    private async Task<JsonNode> RunWorkflowAsync(JsonObject repository)
    {
        foreach (var output in new[] { "invitation-changes", "invitations.json" })
        {
            var path = Path.Combine(cli.Folder, output);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            File.Delete(path);
        }
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}", ["CLEANROOMS_STACK"] = "", ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (var step in WorkflowFile.Load(Workflow).Steps().Where(s => WorkflowFile.At(s, "run") is not null))
        {
            var script = Path.Combine(cli.Folder, "step.sh");
            File.WriteAllText(script, ((YamlScalarNode)WorkflowFile.At(step, "run")!).Value);
            // As GitHub runs a step: "shell: bash" adds pipefail; the default shell is bash -e.
            string[] shell = (WorkflowFile.At(step, "shell") as YamlScalarNode)?.Value == "bash" ? ["--noprofile", "--norc", "-eo", "pipefail"] : ["-e"];
            var run = await ProcessRunner.RunAsync("bash", [.. shell, script], cli.Folder, environment, TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, $"{WorkflowFile.At(step, "name")}: {run}");
        }
        return await GitHubScript.RunAsync(cli.Folder, GitHubScript.Of(Workflow), environment, repository);
    }

    private static List<JsonNode> Open(JsonNode result) =>
        result["pulls"]!.AsArray().Where(p => p!["state"]!.GetValue<string>() == "open").Select(p => p!).ToList();

    private static string FileOnBranch(JsonNode result, string branch) =>
        result["commits"]![result["refs"]![branch]!.GetValue<string>()]!["files"]!["collaborations.yaml"]!.GetValue<string>();

    private static JsonObject Commit(string message, string[] parents, string config) => new()
    {
        ["message"] = message, ["parents"] = new JsonArray(parents.Select(p => (JsonNode)p).ToArray()), ["files"] = new JsonObject { ["collaborations.yaml"] = config },
    };

    public void Dispose() => cli.Dispose();
}
