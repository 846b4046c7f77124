using System.Diagnostics;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>`up` holds a lock per account and region beside the audit log: a second run at once is refused, naming the first.</summary>
public sealed class OneRunAtATimeTests : IDisposable
{
    private readonly CliHarness cli = new();

    private string LockFolder => Path.Combine(cli.Folder, ".cleanrooms-stack");

    private string LockPath => RunLock.PathFor(LockFolder, DemoWorld.OurAccount, "us-east-1");

    [Fact]
    public async Task ASecondUpWhileTheFirstAppliesIsRefusedNamingTheHolderAndTheFirstFinishes()
    {
        var first = cli.RunLocalAsync("up", "--yes", "--max-rps", "2"); // slow enough to be still applying
        while (!File.Exists(LockPath))
        {
            if (first.IsCompleted) Assert.Fail($"the first run ended without taking the lock:\n{await first}");
            await Task.Delay(20);
        }

        var second = await cli.RunLocalAsync("up", "--yes");

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains($"error: another `cleanrooms-stack up` is running for account {DemoWorld.OurAccount} in us-east-1: process {Environment.ProcessId} on", second.Error);
        Assert.DoesNotContain("created", second.Out);
        var firstResult = await first;
        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
        Assert.False(File.Exists(LockPath), "the lock outlived its run");
    }

    [Fact]
    public async Task ALockLeftByAProcessThatIsGoneIsTakenOver()
    {
        using var gone = Process.Start("true")!;
        gone.WaitForExit();
        Directory.CreateDirectory(LockFolder);
        File.WriteAllText(LockPath, $$"""{"processId":{{gone.Id}},"host":"{{Environment.MachineName}}","since":"2026-01-01T00:00:00Z"}""");

        var up = await cli.RunLocalAsync("up", "--yes");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.False(File.Exists(LockPath));
    }

    public void Dispose() => cli.Dispose();
}
