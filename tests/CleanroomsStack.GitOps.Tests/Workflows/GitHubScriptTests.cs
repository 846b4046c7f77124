using System.Diagnostics;
using System.Text.Json.Nodes;
using CleanroomsStack.GitOps.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>
/// The workflows' github-script steps, run in Node against an in-memory GitHub (tests/js-pulumi/run-github-script.mjs):
/// the preview keeps one comment per pull request, updated in place; the drift check keeps one open issue.
/// </summary>
public sealed class GitHubScriptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crs-script-").FullName;

    [Fact]
    public async Task ThePreviewCommentIsCreatedOnceThenUpdatedInPlace()
    {
        var script = Script(".github/workflows/preview.yml");
        var env = new Dictionary<string, string> { ["VALIDATE_OUTCOME"] = "success", ["PREVIEW_OUTCOME"] = "success" };
        File.WriteAllText(Path.Combine(folder, "plan.md"), "Plan: 52 to create\n");
        var human = new JsonObject { ["id"] = 1, ["user"] = new JsonObject { ["type"] = "User" }, ["body"] = "looks good" };

        var first = await RunAsync(script, env, new JsonObject { ["comments"] = new JsonArray(human) });
        File.WriteAllText(Path.Combine(folder, "plan.md"), "Plan: 1 to update\n");
        var second = await RunAsync(script, env, new JsonObject { ["comments"] = first["comments"]!.DeepClone() });

        Assert.Equal(["createComment"], Calls(first));
        Assert.Equal(["updateComment"], Calls(second));
        var comments = second["comments"]!.AsArray();
        Assert.Equal(2, comments.Count);
        Assert.Equal("looks good", comments[0]!["body"]!.GetValue<string>());
        Assert.Equal("<!-- cleanrooms-stack preview -->\nPlan: 1 to update\n", comments[1]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedValidationIsQuotedInTheComment()
    {
        File.WriteAllText(Path.Combine(folder, "validate.txt"), "collaborations.yaml:5:3: error CS102: unknown key 'tabels'\n");
        var env = new Dictionary<string, string> { ["VALIDATE_OUTCOME"] = "failure", ["PREVIEW_OUTCOME"] = "skipped" };

        var result = await RunAsync(Script(".github/workflows/preview.yml"), env, new JsonObject());

        var body = Assert.Single(result["comments"]!.AsArray())!["body"]!.GetValue<string>();
        Assert.Contains("collaborations.yaml has problems", body);
        Assert.Contains("error CS102: unknown key 'tabels'", body);
    }

    [Fact]
    public async Task DriftOpensOneIssueAndThenUpdatesIt()
    {
        var script = Script(".github/workflows/drift.yml");
        File.WriteAllText(Path.Combine(folder, "drift.md"), "## Drift\nacx_part_age\n");
        var closed = new JsonObject { ["number"] = 3, ["state"] = "closed", ["title"] = "old", ["body"] = "", ["labels"] = new JsonArray("drift") };

        var first = await RunAsync(script, [], new JsonObject { ["issues"] = new JsonArray(closed) });
        var second = await RunAsync(script, [], new JsonObject { ["issues"] = first["issues"]!.DeepClone() });

        Assert.Equal(["create"], Calls(first));
        Assert.Equal(["update"], Calls(second));
        var open = second["issues"]!.AsArray().Where(i => i!["state"]!.GetValue<string>() == "open").ToList();
        Assert.Contains("## Drift", Assert.Single(open)!["body"]!.GetValue<string>());
    }

    private static string Script(string workflow) =>
        (WorkflowFile.At(Assert.Single(WorkflowFile.Load(workflow).StepsUsing("actions/github-script")), "with", "script") as YamlScalarNode)!.Value!;

    private static IEnumerable<string> Calls(JsonNode result) => result["calls"]!.AsArray().Select(c => c!.GetValue<string>());

    private async Task<JsonNode> RunAsync(string script, Dictionary<string, string> environment, JsonObject input)
    {
        input["script"] = script;
        var start = new ProcessStartInfo("node", [Path.Combine(JsOracle.Folder, "run-github-script.mjs")])
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, await error);
        return JsonNode.Parse(await output)!;
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
