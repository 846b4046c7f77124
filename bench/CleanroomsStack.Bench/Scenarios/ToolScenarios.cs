using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.World;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// Scenarios 1–3 on one emulator, in order, each starting from what the previous one left: onboarding M invitations
/// with <c>up --yes</c>; a no-op <c>preview</c> (cold, then warm with <c>--read-cache</c>);
/// 1% of the rules changed out of band, then <c>preview</c> (which must report them) and <c>up --yes</c>.
/// </summary>
public static class ToolScenarios
{
    private const string ReadCacheOption = "--read-cache";

    public static async Task<IReadOnlyList<RunResult>> MeasureAsync(BenchPaths paths, string worldFile, RateProfile profile, int invitations, Action<string> log)
    {
        var configPath = Path.Combine(paths.Scratch, $"collaborations-m{invitations}.yaml");
        await File.WriteAllTextAsync(configPath, BenchConfig.Yaml(await File.ReadAllTextAsync(paths.SampleConfig), invitations));
        await using var emulator = await EmulatorSession.StartAsync(worldFile, invitations, profile);
        var tool = new ToolRunner(paths, emulator, profile, invitations, configPath);
        var results = new List<RunResult>();

        log($"  up --yes (onboarding {invitations} invitations)");
        results.Add((await tool.RunAsync(ScenarioNames.Onboarding, "up", "--yes")).Result);

        log("  preview (no-op, cold)");
        var (cold, coldOutput) = await tool.RunAsync(ScenarioNames.PreviewCold, "preview");
        results.Add(NoteUnlessNoChanges(cold, coldOutput, "onboarding did not converge"));

        var cache = Path.Combine(paths.Scratch, $"read-cache-{profile.Name}-m{invitations}");
        log($"  preview {ReadCacheOption} twice (warm cache)");
        await tool.RunAsync(ScenarioNames.PreviewWarm, "preview", ReadCacheOption, cache);
        var (warm, warmOutput) = await tool.RunAsync(ScenarioNames.PreviewWarm, "preview", ReadCacheOption, cache);
        results.Add(NoteUnlessNoChanges(warm, warmOutput, "the warm preview found changes"));

        var drifted = await DriftInjector.InjectAsync(emulator.Endpoint, profile, invitations, CancellationToken.None);
        log($"  {drifted} rule(s) changed out of band; preview, then up --yes");
        var note = $"{drifted} rules drifted";
        var (driftPreview, driftOutput) = await tool.RunAsync(ScenarioNames.DriftPreview, "preview");
        // The preview must find exactly the edited rules; a plan that misses drift would make a fast run meaningless.
        var found = driftOutput.Output.Contains($", {drifted} to update,", StringComparison.Ordinal);
        results.Add(driftPreview with { Note = found ? note : $"{note}; the preview did NOT report {drifted} updates: {driftOutput.Tail}" });
        results.Add((await tool.RunAsync(ScenarioNames.DriftUp, "up", "--yes")).Result with { Note = note });
        return results;
    }

    /// <summary>A no-op preview that finds changes says so in the results instead of passing silently.</summary>
    private static RunResult NoteUnlessNoChanges(RunResult result, ChildOutcome outcome, string problem) =>
        outcome.Output.Contains("No changes", StringComparison.Ordinal) ? result : result with { Note = $"{problem}: {outcome.Tail}" };
}
