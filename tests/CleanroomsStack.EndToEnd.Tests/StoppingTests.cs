
namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// A signal ends the emulators promptly (in CI or a container a process that ignores SIGTERM hangs the job): the built
/// CLI runs as its own process and gets the signal a terminal or a container runtime sends.
/// </summary>
public sealed class StoppingTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);
    private readonly string folder = Directory.CreateTempSubdirectory("crs-stop-").FullName;

    [Theory]
    [InlineData(CliProcess.SigTerm)]
    [InlineData(CliProcess.SigInt)]
    public async Task TheStandaloneEmulatorStopsWithinTwoSecondsOfASignalAndKeepsItsState(int signal)
    {
        var stateDir = Path.Combine(folder, "state");
        using var emulator = CliProcess.Start(folder, null, "emulator", "--port", $"{CliProcess.FreePort()}", "--state-dir", stateDir);
        await emulator.WaitForAsync("Press Ctrl-C to stop.", TimeSpan.FromSeconds(30));

        emulator.Signal(signal);

        Assert.True(emulator.WaitForExit(Prompt), $"still running 2 s after signal {signal}:\n{emulator.Output}");
        Assert.Equal(0, emulator.ExitCode);
        Assert.Contains("Emulator stopped.", emulator.Output);
        Assert.NotEmpty(Directory.EnumerateFiles(stateDir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnEmbeddedEmulatorRunStopsWithinTwoSecondsOfSigterm()
    {
        File.Copy(Path.Combine(CleanroomsStack.Tests.Shared.RepoRoot.Path, "collaborations.yaml"), Path.Combine(folder, "collaborations.yaml"));
        // Every call answers slowly, so the signal arrives while the run is reading live state.
        var world = Path.Combine(folder, ".cleanrooms-local");
        using var run = CliProcess.Start(folder, null, "preview", "--local", "--local-dir", world, "--max-rps", "0.5");
        await run.WaitForAsync("Reading live state", TimeSpan.FromSeconds(30));

        run.Signal(CliProcess.SigTerm);

        Assert.True(run.WaitForExit(Prompt), $"still running 2 s after SIGTERM:\n{run.Output}\n{run.Error}");
        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Interrupted.", run.Error);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
