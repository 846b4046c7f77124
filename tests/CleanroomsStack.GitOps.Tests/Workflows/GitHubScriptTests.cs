using System.Text.Json.Nodes;
using CleanroomsStack.GitOps.Tests.Support;

namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>
/// The workflows' github-script steps, run in Node against an in-memory GitHub (tests/js-pulumi/run-github-script.mjs):
/// the preview keeps one comment per pull request and stack, updated in place; the drift check keeps one open issue per stack.
/// </summary>
public sealed class GitHubScriptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crs-script-").FullName;

    public GitHubScriptTests() => GitHubScript.CopyScriptsTo(folder);

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
    public async Task EachStackKeepsItsOwnPlanCommentOnThePullRequest()
    {
        var script = Script(".github/workflows/preview.yml");
        Dictionary<string, string> Stack(string name) => new() { ["VALIDATE_OUTCOME"] = "success", ["PREVIEW_OUTCOME"] = "success", ["CLEANROOMS_STACK"] = name };
        File.WriteAllText(Path.Combine(folder, "plan.md"), "Plan: 3 to create\n");

        var dev = await RunAsync(script, Stack("dev"), new JsonObject());
        var main = await RunAsync(script, Stack(""), new JsonObject { ["comments"] = dev["comments"]!.DeepClone() });
        File.WriteAllText(Path.Combine(folder, "plan.md"), "No changes.\n");
        var devAgain = await RunAsync(script, Stack("dev"), new JsonObject { ["comments"] = main["comments"]!.DeepClone() });

        Assert.Equal(["createComment"], Calls(main));
        Assert.Equal(["updateComment"], Calls(devAgain));
        var bodies = devAgain["comments"]!.AsArray().Select(c => c!["body"]!.GetValue<string>()).ToList();
        Assert.Equal("<!-- cleanrooms-stack preview dev -->\n**Stack `dev`** (`collaborations.dev.yaml`)\n\nNo changes.\n", bodies[0]);
        Assert.Equal("<!-- cleanrooms-stack preview -->\nPlan: 3 to create\n", bodies[1]);
    }

    [Fact]
    public async Task EachStackHasItsOwnDriftIssue()
    {
        File.WriteAllText(Path.Combine(folder, "drift.md"), "## Drift\n");

        var dev = await RunAsync(Script(".github/workflows/drift.yml"), new() { ["CLEANROOMS_STACK"] = "dev" }, new JsonObject());
        var main = await RunAsync(Script(".github/workflows/drift.yml"), new() { ["CLEANROOMS_STACK"] = "" }, new JsonObject { ["issues"] = dev["issues"]!.DeepClone() });

        Assert.Equal(["create"], Calls(main));
        Assert.Equal(["Drift: the AWS account differs from collaborations.dev.yaml", "Drift: the AWS account differs from collaborations.yaml"],
            main["issues"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
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

    private const string Retail = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    private const string Measurement = "8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b47";

    [Fact]
    public async Task AnInvitationPullRequestAPersonClosedIsNotOpenedAgain()
    {
        Invitations(("", [(Retail, "Retail", false)]));
        var first = await Invite("", Repository());
        first["pulls"]![0]!["state"] = "closed";

        var second = await Invite("", GitHubScript.Next(first));

        Assert.Empty(Calls(second));
    }

    [Fact]
    public async Task AnInvitationPullRequestAPersonPushedToIsLeftToThem()
    {
        Invitations(("", [(Retail, "Retail", false)]));
        var first = await Invite("", Repository());
        var next = GitHubScript.Next(first);
        var branch = $"cleanrooms-stack/invitation/{Retail}";
        var ours = next["refs"]![branch]!.GetValue<string>();
        next["commits"]!["human"] = new JsonObject
        {
            ["message"] = "tweak tables", ["parents"] = new JsonArray(ours), ["files"] = next["commits"]![ours]!["files"]!.DeepClone(),
        };
        next["refs"]![branch] = "human";
        File.WriteAllText(Path.Combine(folder, "invitation-changes", Retail, "config.yaml"), "version: 1\ncollaborations: [] # changed on main\n");

        var second = await Invite("", next);

        Assert.Empty(Calls(second));
        Assert.Equal("human", second["refs"]![branch]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvitationPullRequestIsClosedWhenTheInvitationIsNoLongerPending()
    {
        Invitations(("", [(Retail, "Retail", false), (Measurement, "Measurement", false)]));
        var first = await Invite("", Repository());
        Invitations(("", [(Measurement, "Measurement", false)]));

        var second = await Invite("", GitHubScript.Next(first));

        Assert.Equal(["pulls.update", "updateComment", "createComment", "pulls.update", "git.deleteRef"], Calls(second));
        Assert.Equal(["closed", "open"], second["pulls"]!.AsArray().Select(p => p!["state"]!.GetValue<string>()));
        Assert.Equal("Closing: it is no longer pending (accepted, declined or withdrawn).", second["comments"]!.AsArray()[^1]!["body"]!.GetValue<string>());
        Assert.DoesNotContain($"cleanrooms-stack/invitation/{Retail}", second["refs"]!.AsObject().Select(r => r.Key));
    }

    [Fact]
    public async Task AnInvitationPullRequestIsClosedWhenTheConfigCoversItAndOnlyItsStacksAreTouched()
    {
        Invitations(("", [(Retail, "Retail", false)]), ("dev", [(Measurement, "Measurement", false)]));
        var main = await Invite("", Repository());
        var dev = await Invite("dev", GitHubScript.Next(main));
        Invitations(("", [(Retail, "Retail", true)]), ("dev", [(Measurement, "Measurement", false)]));

        var covered = await Invite("", GitHubScript.Next(dev));

        Assert.Equal([$"cleanrooms-stack/invitation/{Retail}", $"cleanrooms-stack/invitation/dev/{Measurement}"],
            dev["pulls"]!.AsArray().Select(p => p!["head"]!["ref"]!.GetValue<string>()));
        Assert.Equal(["createComment", "pulls.update", "git.deleteRef"], Calls(covered));
        var pulls = covered["pulls"]!.AsArray();
        Assert.Equal(["closed", "open"], pulls.Select(p => p!["state"]!.GetValue<string>()));
        Assert.Equal("Closing: collaborations.yaml covers it now.", covered["comments"]!.AsArray()[^1]!["body"]!.GetValue<string>());
        Assert.StartsWith("<!-- cleanrooms-stack preview dev -->\n**Stack `dev`**", dev["comments"]!.AsArray()[^1]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvitationsNameCanNeitherFormatNorMentionNorBreakThePullRequest()
    {
        const string name = "**Big** @acx/admins [win](https://evil.example) \u202eevil\nline";
        Invitations(("", [(Retail, name, false)]));

        var result = await Invite("", Repository());

        var pull = Assert.Single(result["pulls"]!.AsArray())!;
        var title = pull["title"]!.GetValue<string>();
        Assert.DoesNotContain(title, c => char.IsControl(c) || c == '\u202e');
        var body = pull["body"]!.GetValue<string>();
        Assert.Contains(@"\*\*Big\*\* &#64;acx/admins \[win\]\(https\://evil\.example\)", body);
        Assert.DoesNotContain("@acx", body);
        Assert.DoesNotContain('\u202e', body);
    }

    /// <summary>Writes what the workflow's shell step leaves for each stack's run: invitations.json and each uncovered invitation's files.</summary>
    private void Invitations(params (string Stack, (string Id, string Name, bool InConfig)[] Pending)[] stacks)
    {
        foreach (var (stack, pending) in stacks)
        {
            var stackFolder = Directory.CreateDirectory(Path.Combine(folder, StackFolder(stack))).FullName;
            var invitations = new JsonArray(pending.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id, ["name"] = p.Name, ["creatorAccountId"] = "657425294073", ["creatorDisplayName"] = p.Name,
                ["invitedAt"] = "2025-01-03T00:00:00Z", ["inConfig"] = p.InConfig,
            }).ToArray());
            var configFile = stack == "" ? "collaborations.yaml" : $"collaborations.{stack}.yaml";
            File.WriteAllText(Path.Combine(stackFolder, "invitations.json"), new JsonObject { ["configFile"] = configFile, ["invitations"] = invitations }.ToJsonString());
            foreach (var (id, _, _) in pending)
            {
                var changes = Directory.CreateDirectory(Path.Combine(stackFolder, "invitation-changes", id)).FullName;
                File.WriteAllText(Path.Combine(changes, "config.yaml"), $"version: 1\ncollaborations:\n  - name: x\n    id: {id}\n");
                File.WriteAllText(Path.Combine(changes, "plan.md"), $"Plan of accepting {id}\n");
            }
        }
    }

    private static string StackFolder(string stack) => stack == "" ? "." : $"stack-{stack}";

    /// <summary>Runs the invitations workflow's script as the job of one stack (each job has its own workspace).</summary>
    private async Task<JsonNode> Invite(string stack, JsonObject repository)
    {
        var workspace = Path.Combine(folder, StackFolder(stack));
        GitHubScript.CopyScriptsTo(workspace);
        return await GitHubScript.RunAsync(workspace, Script(".github/workflows/invitations.yml"), new Dictionary<string, string> { ["CLEANROOMS_STACK"] = stack }, repository);
    }

    private static JsonObject Repository() => new()
    {
        ["refs"] = new JsonObject { ["main"] = "c0" },
        ["commits"] = new JsonObject
        {
            ["c0"] = new JsonObject
            {
                ["message"] = "initial", ["parents"] = new JsonArray(),
                ["files"] = new JsonObject { ["collaborations.yaml"] = "version: 1\ncollaborations: []\n", ["collaborations.dev.yaml"] = "version: 1\ncollaborations: []\n" },
            },
        },
    };

    private static string Script(string workflow) => GitHubScript.Of(workflow);

    private static IEnumerable<string> Calls(JsonNode result) => GitHubScript.Calls(result);

    private Task<JsonNode> RunAsync(string script, Dictionary<string, string> environment, JsonObject input) =>
        GitHubScript.RunAsync(folder, script, environment, input);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
