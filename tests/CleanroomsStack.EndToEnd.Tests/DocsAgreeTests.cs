using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>What the docs and the repository promise, checked against the tool so they can't drift apart.</summary>
public sealed class DocsAgreeTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task TroubleshootingSaysWhatInitSaysWhenTheFileExists()
    {
        var init = await CliHarness.RunAsync("init", "--config", cli.ConfigPath);
        var row = File.ReadLines(RepoRoot.File("docs", "troubleshooting.md")).Single(l => l.Contains("already exists; nothing was written.", StringComparison.Ordinal));

        Assert.Equal(1, init.ExitCode);
        Assert.Contains("pass --force to overwrite it", init.Error);
        Assert.Contains("`--force`", row);
        Assert.DoesNotContain("never overwrites", row);
    }

    [Fact]
    public void TheToolFolderTheReadmeSuggestsIsGitIgnored()
    {
        Assert.Contains("--tool-path .tools", File.ReadAllText(RepoRoot.File("README.md")));
        Assert.Contains(".tools/", File.ReadAllLines(RepoRoot.File(".gitignore")));
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("schema")]
    [InlineData("completion")]
    public async Task CommandsThatDontTalkToTheAccountListOnlyTheirOwnOptions(string command)
    {
        var help = await CliHarness.RunAsync(command, "--help");

        foreach (var foreign in new[] { "--config", "--local", "--profile", "--region", "--endpoint-url", "--target", "--read-cache" })
            Assert.DoesNotContain(foreign, help.Out);
    }

    public void Dispose() => cli.Dispose();
}
