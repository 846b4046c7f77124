using System.Diagnostics;
using System.Text.Json.Nodes;
using CleanroomsStack.GitOps.Tests.Workflows;
using CleanroomsStack.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>
/// Runs a workflow's actions/github-script step in Node against an in-memory GitHub (tests/js-pulumi/run-github-script.mjs),
/// in a workspace folder that holds the repository's .github/scripts (which the steps require) and the files they read.
/// </summary>
public static class GitHubScript
{
    /// <summary>The script of the one github-script step of <paramref name="workflow"/>.</summary>
    public static string Of(string workflow) =>
        (WorkflowFile.At(Assert.Single(WorkflowFile.Load(workflow).StepsUsing("actions/github-script")), "with", "script") as YamlScalarNode)!.Value!;

    /// <summary>Copies the repository's .github/scripts into <paramref name="workspace"/>, as a checkout has them.</summary>
    public static void CopyScriptsTo(string workspace)
    {
        var target = Directory.CreateDirectory(Path.Combine(workspace, ".github", "scripts")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, ".github", "scripts")))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>Runs <paramref name="script"/>; <paramref name="github"/> is the repository before, the result the repository after (with "calls").</summary>
    public static async Task<JsonNode> RunAsync(string workspace, string script, IReadOnlyDictionary<string, string> environment, JsonObject github)
    {
        github["script"] = script;
        var start = new ProcessStartInfo("node", [Path.Combine(JsOracle.Folder, "run-github-script.mjs")])
        {
            WorkingDirectory = workspace, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(github.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, await error);
        return JsonNode.Parse(await output)!;
    }

    /// <summary>The repository after a run, as the next run starts from it.</summary>
    public static JsonObject Next(JsonNode result)
    {
        var next = (JsonObject)result.DeepClone();
        next.Remove("calls");
        return next;
    }

    /// <summary>The API calls that changed something, in order.</summary>
    public static IEnumerable<string> Calls(JsonNode result) => result["calls"]!.AsArray().Select(c => c!.GetValue<string>());
}
