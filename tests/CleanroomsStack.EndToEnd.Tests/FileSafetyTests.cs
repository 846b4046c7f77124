using System.Diagnostics;
using System.Text.Json;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Files;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Files the tool writes replace only regular files, files it reads are regular and of sane size, and every such
/// problem is one line with the path and the fix, found before any AWS call.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(20);
    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("fifo")]
    [InlineData("directory")]
    [InlineData("/dev/full")]
    public async Task PreviewOutAtSomethingOtherThanARegularFileIsRefusedInOneLineBeforeAnyCall(string target)
    {
        var path = Prepare(target);

        var result = await RunAsync(cli.RunLocalAsync("preview", "--out", path));

        AssertRefusedInOneLine(result, $"error: --out '{path}' is ");
        Assert.Equal(target == "fifo" ? FileKind.Fifo : target == "directory" ? FileKind.Directory : FileKind.CharacterDevice, FileKinds.Of(path));
    }

    [Fact]
    public async Task PreviewOutDashWritesTheSavedPlanToStandardOutput()
    {
        var result = await RunAsync(cli.RunLocalAsync("preview", "--out", "-"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var saved = JsonDocument.Parse(result.Out);
        Assert.Equal("cleanrooms-stack-saved-plan", saved.RootElement.GetProperty("kind").GetString());
        Assert.False(File.Exists(Path.Combine(cli.Folder, "-")));
    }

    [Theory]
    [InlineData("import", "--out")]
    [InlineData("up", "--audit-log")]
    public async Task OtherOutputsAtAFifoAreRefusedAndTheFifoStaysAFifo(string command, string option)
    {
        var fifo = Prepare("fifo");

        var result = await RunAsync(cli.RunLocalAsync(command == "up" ? [command, option, fifo, "--yes"] : [command, option, fifo]));

        AssertRefusedInOneLine(result, $"error: {option} '{fifo}' is a FIFO (named pipe), not a regular file");
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }

    [Theory]
    [InlineData("fifo", "is a FIFO (named pipe), not a folder")]
    [InlineData("fifo-inside", "read-cache.json' is a FIFO (named pipe), not a regular file")]
    public async Task AReadCacheThatIsNotAFolderOfRegularFilesIsRefused(string target, string message)
    {
        var folder = target == "fifo" ? Prepare("fifo") : Directory.CreateDirectory(Path.Combine(cli.Folder, "cache")).FullName;
        if (target == "fifo-inside") MakeFifo(Path.Combine(folder, ReadCacheFile.FileName));

        var result = await RunAsync(cli.RunLocalAsync("preview", "--read-cache", folder));

        AssertRefusedInOneLine(result, "error: --read-cache '");
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("fifo", "is a FIFO (named pipe), not a regular file")]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("huge", "is 11.0 MB; a config is at most 10 MB")]
    public async Task AConfigThatIsNotARegularFileOrOverTenMegabytesIsRefusedAtOnce(string target, string message)
    {
        var path = target == "huge" ? Path.Combine(cli.Folder, "huge.yaml") : Prepare(target);
        if (target == "huge") File.WriteAllText(path, new string('#', 11 * 1024 * 1024));

        foreach (var command in new[] { "validate", "preview" })
        {
            var result = await RunAsync(CliHarness.RunAsync(command, "--local", "--local-dir", cli.LocalDir, "--config", path));

            AssertRefusedInOneLine(result, $"error: config file '{path}' {message}");
        }
    }

    [Fact]
    public async Task AnAuditWriteThatFailsMidRunStopsSchedulingAndIsReportedWithExitCodeOne()
    {
        var log = Path.Combine(cli.Folder, "audit.jsonl");
        // Slow calls (2 per second per operation), so the run is still applying when the log breaks.
        var up = cli.RunLocalAsync("up", "--yes", "--audit-log", log, "--max-rps", "2");
        while (!File.Exists(log) || new FileInfo(log).Length == 0)
        {
            if (up.IsCompleted) Assert.Fail($"the run ended before its first audit line:\n{await up}");
            await Task.Delay(20);
        }
        // Every later append fails, as on a full disk. The run may append (and so re-create the file) in between.
        while (!Directory.Exists(log))
        {
            try
            {
                File.Delete(log);
                Directory.CreateDirectory(log);
            }
            catch (IOException) { /* an append re-created the file: again */ }
        }

        var result = await up;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error: could not write the audit log '{log}'", result.Error);
        Assert.Contains("no further change was started", result.Error);
        Assert.Contains("Apply interrupted", result.Out);
        Assert.DoesNotContain("   at ", result.Error);
    }

    private string Prepare(string target)
    {
        switch (target)
        {
            case "fifo":
                var fifo = Path.Combine(cli.Folder, "fifo");
                MakeFifo(fifo);
                return fifo;
            case "directory":
                return Directory.CreateDirectory(Path.Combine(cli.Folder, "a-folder")).FullName;
            default:
                return target;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(FileKind.Fifo, FileKinds.Of(path));
    }

    /// <summary>A FIFO opened by mistake blocks for ever: the run must end on its own, quickly.</summary>
    private static async Task<CliResult> RunAsync(Task<CliResult> run)
    {
        Assert.True(await Task.WhenAny(run, Task.Delay(AtOnce)) == run, "the command did not end within 20 s (blocked on a file?)");
        return await run;
    }

    private static void AssertRefusedInOneLine(CliResult result, string start)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith(start, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Reading live state", result.Error);
    }

    public void Dispose() => cli.Dispose();
}
