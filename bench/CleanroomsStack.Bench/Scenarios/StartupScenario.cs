using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// Scenario 5: how long the built Release CLI takes to answer <c>--version</c> and to <c>validate</c> the sample
/// config, through <c>dotnet cleanrooms-stack.dll</c> and through the native apphost; the median of several runs
/// after one warm-up (so the first run's disk reads don't count).
/// </summary>
public static class StartupScenario
{
    public static async Task<IReadOnlyList<RunResult>> MeasureAsync(BenchPaths paths, int repetitions)
    {
        var launchers = new List<(string Name, string File, string[] Prefix)> { ("dotnet-dll", "dotnet", [paths.CliDll]) };
        if (File.Exists(paths.CliApphost)) launchers.Add(("apphost", paths.CliApphost, []));
        var results = new List<RunResult>();
        foreach (var (launcher, file, prefix) in launchers)
        {
            results.Add(await MedianAsync(ScenarioNames.Version, launcher, file, [.. prefix, "--version"], paths, repetitions));
            results.Add(await MedianAsync(ScenarioNames.Validate, launcher, file, [.. prefix, "validate", "--config", paths.SampleConfig], paths, repetitions));
        }
        return results;
    }

    private static async Task<RunResult> MedianAsync(
        string scenario, string launcher, string file, string[] arguments, BenchPaths paths, int repetitions)
    {
        var samples = new List<ChildOutcome>();
        for (var i = 0; i <= repetitions; i++)
        {
            var outcome = await ChildRun.RunAsync(file, arguments, BenchClient.Environment(), paths.Scratch);
            if (outcome.ExitCode != 0)
                throw new InvalidOperationException($"`{string.Join(' ', arguments)}` ({launcher}) exited with {outcome.ExitCode}:\n{outcome.Tail}");
            if (i > 0) samples.Add(outcome); // the first run only warms the disk cache
        }
        var walls = samples.Select(s => s.WallSeconds).Order().ToList();
        var metrics = new Dictionary<string, double>
        {
            ["runs"] = repetitions,
            ["minSeconds"] = walls[0],
            ["maxSeconds"] = walls[^1],
        };
        return new RunResult(scenario, launcher, 0, Median(walls), samples.Max(s => s.PeakRssMb),
            new Dictionary<string, int>(), 0, null, 0, metrics);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
