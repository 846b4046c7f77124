using System.Diagnostics;
using System.Globalization;

namespace CleanroomsStack.Bench.Measure;

/// <summary>What one child process did: exit code, wall time, peak resident memory and its output.</summary>
public sealed record ChildOutcome(int ExitCode, double WallSeconds, double? PeakRssMb, string Output, string Error)
{
    /// <summary>The tail of the child's output, for error messages that must say why a run failed.</summary>
    public string Tail => string.Join('\n', (Output + Error).Split('\n').TakeLast(15));
}

/// <summary>
/// Runs a command in a fresh child process so its memory is measured in isolation from the bench (which hosts the
/// emulator). Peak memory is the child's maximum resident set size as reported by GNU time (<c>/usr/bin/time -f %M</c>,
/// kilobytes); without GNU time it is left unknown rather than guessed.
/// </summary>
public static class ChildRun
{
    private const string GnuTime = "/usr/bin/time";

    public static async Task<ChildOutcome> RunAsync(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var rssFile = Path.Combine(Path.GetTempPath(), $"bench-rss-{Guid.NewGuid():N}.txt");
        var useTime = File.Exists(GnuTime);
        var start = new ProcessStartInfo(useTime ? GnuTime : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            foreach (var a in new[] { "-f", "%M", "-o", rssFile, fileName }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        return new ChildOutcome(process.ExitCode, wall, ReadPeakRss(rssFile), await output, await error);
    }

    private static double? ReadPeakRss(string rssFile)
    {
        if (!File.Exists(rssFile)) return null;
        try
        {
            // GNU time may prepend "Command exited with non-zero status N"; the number is the last line.
            var last = File.ReadAllLines(rssFile).LastOrDefault(l => l.Trim().Length > 0);
            return double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var kb) ? Math.Round(kb / 1024, 1) : null;
        }
        finally
        {
            File.Delete(rssFile);
        }
    }
}
