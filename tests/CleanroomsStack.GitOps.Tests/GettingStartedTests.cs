using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Workflows;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests;

/// <summary>
/// The getting-started guide's commands that need no AWS account (offline ones and --local ones) run as written, in the
/// guide's order, against a fresh copy of the repository's config, and succeed.
/// </summary>
public sealed class GettingStartedTests : IDisposable
{
    private static readonly string[] Offline = ["validate", "policy", "schema", "init", "--version"];
    private readonly CliHarness cli = new();

    [Fact]
    public async Task EveryLocalAndOfflineCommandOfTheGuideSucceeds()
    {
        var lines = ShellLines(File.ReadAllLines(Path.Combine(RepoRoot.Path, "docs", "getting-started.md")))
            .SelectMany(ToolCommandLines.In)
            .Where(args => args.Contains("--local") || Offline.Contains(args[0]))
            .ToList();
        Assert.True(lines.Count >= 8, $"only {lines.Count} runnable commands found");
        Assert.Contains(lines, args => args[0] == "export");

        foreach (var args in lines)
        {
            var result = await cli.RunLocalAsync(Runnable(args));
            Assert.True(result.ExitCode == 0, $"cleanrooms-stack {string.Join(' ', args)}\n{result}");
        }
        Assert.True(File.Exists(Path.Combine(cli.Folder, "pulumi-demo", "Pulumi.dev.yaml")));
        // The invitation the guide adds is in the config, by added lines; the stack it starts has a file of its own.
        Assert.Contains("    id: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60", File.ReadAllText(cli.ConfigPath));
        Assert.True(File.Exists(Path.Combine(cli.Folder, "collaborations.dev.yaml")));
    }

    /// <summary>The harness adds --local with its own state folder; files the guide writes go into the harness folder.</summary>
    private string[] Runnable(IReadOnlyList<string> args)
    {
        var runnable = args.Where(a => a != "--local").ToArray();
        var outDir = Array.IndexOf(runnable, "--out-dir");
        if (outDir >= 0) runnable[outDir + 1] = Path.Combine(cli.Folder, runnable[outDir + 1]);
        return runnable;
    }

    private static IEnumerable<string> ShellLines(string[] markdown)
    {
        var inShell = false;
        foreach (var line in markdown)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inShell = !inShell && line.Trim() == "```sh";
            else if (inShell) yield return line;
        }
    }

    public void Dispose() => cli.Dispose();
}
