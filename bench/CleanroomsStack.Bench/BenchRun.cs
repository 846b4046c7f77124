using System.Diagnostics;
using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.Peer;
using CleanroomsStack.Bench.Report;
using CleanroomsStack.Bench.Scenarios;
using CleanroomsStack.Bench.World;

namespace CleanroomsStack.Bench;

/// <summary>
/// The orchestrator: runs the chosen groups, saves each group's results as soon as it is measured (a failure later
/// loses nothing), and regenerates docs/BENCHMARKS.md from every results file present.
/// </summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options, Action<string> log)
    {
        var paths = BenchPaths.Discover();
        var store = new ResultStore(paths.ResultsDirectory);
        var clock = Stopwatch.StartNew();
        try
        {
            if (!options.ReportOnly) await MeasureAsync(options, paths, store, log);
        }
        finally
        {
            Directory.Delete(paths.Scratch, recursive: true);
        }
        BenchmarkReport.Write(paths, store.LoadAll());
        log($"Wrote {Path.GetRelativePath(paths.RepoRoot, paths.Document)} in {clock.Elapsed.TotalMinutes:0.0} min.");
        return 0;
    }

    private static async Task MeasureAsync(BenchOptions options, BenchPaths paths, ResultStore store, Action<string> log)
    {
        if (options.Runs("startup"))
        {
            log($"start-up: --version and validate, {options.Repeat} runs each");
            await MeasureGroupAsync(store, paths, "startup", () => StartupScenario.MeasureAsync(paths, options.Repeat));
        }
        if (options.Runs("plan"))
        {
            foreach (var m in options.PlanM)
            {
                log($"in-memory plan: M={m}");
                await MeasureGroupAsync(store, paths, $"plan-m{m}", async () => [await PlanScenario.MeasureAsync(paths, m)]);
            }
        }
        if (options.Runs("discovery"))
        {
            foreach (var m in options.DiscoveryM)
            foreach (var profile in RateProfile.Discovering)
            {
                log($"discovery: M={m}, {profile.Label}");
                var worldFile = WorldFile(paths, m);
                await MeasureGroupAsync(store, paths, $"discovery-{profile.Name}-m{m}", () => DiscoveryScenarios.MeasureAsync(paths, worldFile, profile, m, log));
            }
        }
        var combinations = options.AwsM.Select(m => (Profile: RateProfile.Aws, M: m))
            .Concat(options.ScaledM.Select(m => (Profile: RateProfile.TimeScaled, M: m)));
        foreach (var (profile, m) in combinations)
        {
            var worldFile = WorldFile(paths, m);
            if (options.Runs("tool"))
            {
                log($"tool: M={m}, {profile.Label}");
                await MeasureGroupAsync(store, paths, $"tool-{profile.Name}-m{m}", () => ToolScenarios.MeasureAsync(paths, worldFile, profile, m, log));
            }
            if (options.Runs("peer"))
            {
                log($"sequential peer: M={m}, {profile.Label}");
                await MeasureGroupAsync(store, paths, $"peer-{profile.Name}-m{m}", async () => [await PeerScenario.MeasureAsync(paths, worldFile, profile, m)]);
            }
        }
    }

    /// <summary>The generated world of M invitations, written once per bench run.</summary>
    private static string WorldFile(BenchPaths paths, int m)
    {
        var worldFile = Path.Combine(paths.Scratch, $"world-m{m}.json");
        if (!File.Exists(worldFile)) BenchWorld.WriteFile(m, worldFile);
        return worldFile;
    }

    private static async Task MeasureGroupAsync(ResultStore store, BenchPaths paths, string group, Func<Task<IReadOnlyList<RunResult>>> measure)
    {
        var clock = Stopwatch.StartNew();
        var runs = await measure();
        store.Save(group, runs, clock.Elapsed, paths.RepoRoot);
    }
}
