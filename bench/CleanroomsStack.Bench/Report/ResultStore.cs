using System.Diagnostics;
using System.Text.Json;
using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Report;

/// <summary>Where and when a results file was measured, shown in the report beside its numbers.</summary>
/// <param name="LoadAverage">The 1-minute load average when the group finished: a shared machine shows here.</param>
public sealed record MachineInfo(string Commit, DateTimeOffset MeasuredAt, int Cores, string Os, string Runtime, double? LoadAverage = null);

/// <summary>One file of bench/results: a group of runs measured together, and how long measuring it took.</summary>
public sealed record ResultFile(string Group, MachineInfo Machine, double ElapsedSeconds, IReadOnlyList<RunResult> Runs)
{
    /// <summary>The measured duration; files that lack it (older harness) count their runs' wall times instead.</summary>
    public double Took => ElapsedSeconds > 0 ? ElapsedSeconds : Runs.Sum(r => r.WallSeconds);
}

/// <summary>
/// Raw results as JSON under bench/results, one file per group (e.g. <c>tool-scaled-m100.json</c>), so a partial
/// re-run replaces only what it measured and the report is always generated from every file present.
/// </summary>
public sealed class ResultStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "+changes" stays readable
    };

    public void Save(string group, IReadOnlyList<RunResult> runs, TimeSpan elapsed, string repoRoot)
    {
        Directory.CreateDirectory(directory);
        var file = new ResultFile(group, Machine(repoRoot), Math.Round(elapsed.TotalSeconds, 1), runs);
        File.WriteAllText(Path.Combine(directory, group + ".json"), JsonSerializer.Serialize(file, Json) + "\n");
    }

    public IReadOnlyList<ResultFile> LoadAll()
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => JsonSerializer.Deserialize<ResultFile>(File.ReadAllText(path), Json)
                            ?? throw new InvalidDataException($"{path} is not a bench results file; delete it or re-run the bench."))
            .ToList();
    }

    private static MachineInfo Machine(string repoRoot) =>
        new(GitCommit(repoRoot), DateTimeOffset.UtcNow, Environment.ProcessorCount,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version.ToString(), LoadAverage());

    private static double? LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) && double.TryParse(File.ReadAllText(file).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load : null;
    }

    /// <summary>The commit measured, marked "+changes" when the tree had uncommitted edits.</summary>
    private static string GitCommit(string repoRoot)
    {
        try
        {
            var head = Git(repoRoot, "rev-parse --short HEAD");
            var dirty = Git(repoRoot, "status --porcelain --untracked-files=no -- src").Length > 0;
            return head + (dirty ? "+changes" : "");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "unknown";
        }
    }

    private static string Git(string repoRoot, string arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = repoRoot, RedirectStandardOutput = true })
                        ?? throw new InvalidOperationException("git did not start");
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
}
