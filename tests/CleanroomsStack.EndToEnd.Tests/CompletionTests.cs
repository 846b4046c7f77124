namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>Shell completion answers from the command tree itself.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("preview", "pre")]
    [InlineData("--json", "preview", "--js")]
    [InlineData("--allow-leave", "up", "--all")]
    [InlineData("bash", "completion", "")]
    public async Task TheLastWordIsCompletedFromTheCommandTree(string expected, params string[] words)
    {
        var result = await CliHarness.RunAsync(["__complete", .. words]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Out.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _cleanrooms_stack cleanrooms-stack")]
    [InlineData("zsh", "bashcompinit")]
    public async Task CompletionPrintsAScriptThatAsksTheToolForCandidates(string shell, string expected)
    {
        var result = await CliHarness.RunAsync("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Out);
        Assert.Contains("cleanrooms-stack __complete", result.Out);
    }
}
