using CleanroomsStack.Cli;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>The question before applying says what is at stake, and is asked whenever someone can answer it.</summary>
public sealed class ConfirmationTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("yes", 0)]
    [InlineData("no", 1)]
    public async Task UpAsksOnATerminalStdinEvenWhenStdoutIsAPipeNamingAccountRegionAndCounts(string answer, int exitCode)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // stdin is a terminal, stdout a pipe: `cleanrooms-stack up | tee up.log`
        var io = new CliIo(output, error, IsInteractive: false, () => answer) { CanPrompt = true };

        var exit = await CliApp.RunAsync(["up", "--local", "--local-dir", cli.LocalDir, "--config", cli.ConfigPath], io);

        Assert.True(exit == exitCode, $"{output}\n{error}");
        Assert.Contains($"Apply 52 changes to account {DemoWorld.OurAccount} in us-east-1: 52 to create, 0 to update, 0 to replace, 0 to delete?", error.ToString());
        Assert.Contains("Only 'yes' will be accepted:", error.ToString());
        Assert.Equal(answer == "yes", output.ToString().Contains("Apply complete: 52 succeeded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AMC Collaborations", 1)]
    [InlineData("AMC Collaboration", 0)]
    public async Task LeavingNeedsTheCollaborationsNameTypedNotJustYes(string typed, int exitCode)
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.AppendAllText(cli.ConfigPath, "\n    state: left\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var answers = new Queue<string>(["yes", typed]);
        var io = new CliIo(output, error, IsInteractive: true, () => answers.Count > 0 ? answers.Dequeue() : null);

        var exit = await CliApp.RunAsync(["up", "--allow-leave", DemoWorld.AmcCollaborationId, "--local", "--local-dir", cli.LocalDir, "--config", cli.ConfigPath], io);

        Assert.True(exit == exitCode, $"{output}\n{error}");
        Assert.Contains($"This leaves 'AMC Collaboration' ({DemoWorld.AmcCollaborationId}) for good. Type its name to confirm:", output.ToString());
        Assert.Equal(exitCode == 0, output.ToString().Contains("- deleted AMC Collaboration: membership", StringComparison.Ordinal));
        if (exitCode != 0) Assert.Contains("Apply cancelled; nothing was changed.", output.ToString());
    }

    public void Dispose() => cli.Dispose();
}
