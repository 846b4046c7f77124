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

    public void Dispose() => cli.Dispose();
}
