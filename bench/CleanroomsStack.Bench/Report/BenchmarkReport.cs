using System.Text;
using CleanroomsStack.Bench.Measure;
using static CleanroomsStack.Bench.Report.MarkdownTable;

namespace CleanroomsStack.Bench.Report;

/// <summary>
/// Writes docs/BENCHMARKS.md and its charts from the results files alone: every number in the document comes
/// from bench/results, so re-running the bench is the only way to change them.
/// </summary>
public static class BenchmarkReport
{
    public static void Write(BenchPaths paths, IReadOnlyList<ResultFile> files)
    {
        var data = new ReportData(files);
        var charts = OnboardingChart.WriteAll(paths, data);
        var text = new StringBuilder(ReportText.Introduction(data));
        text.Append("\n## Targets\n\n")
            .Append(Render(["target", "measured", "verdict"], TargetChecks.Evaluate(data).Select(c => c.Row)))
            .Append(ReportText.ReadingTheTargets);
        text.Append(ReportText.OnboardingHeading).Append("\n");
        foreach (var chart in charts) text.Append($"![{chart.Title}]({chart.FileName})\n\n");
        text.Append(Render(
            ["rate", "M", "CleanroomsStack", "lower bound", "ratio", "sequential peer", "speed-up", "calls (tool / peer)", "throttled (tool / peer)", "peak memory (tool / peer)"],
            data.OnlineCombinations().Select(c => OnboardingRow(data, c.Profile, c.M))));
        text.Append(ReportText.ReadsHeading).Append("\n");
        text.Append(Render(["rate", "M", "run", "calls", "calls / membership", "wall", "lower bound", "ratio", "throttled", "peak memory", "note"],
            data.OnlineCombinations().SelectMany(c => ReadRows(data, c.Profile, c.M))));
        text.Append(ReportText.DiscoveryHeading).Append("\n");
        text.Append(Render(["rate", "M", "run", "wall", "lower bound", "ratio", "calls", "calls / membership", "throttled", "learned (association / rule / association list)", "note"],
            data.Runs.Where(r => r.Scenario is ScenarioNames.OnboardingDiscovering or ScenarioNames.PreviewAfterUp)
                .OrderBy(r => r.Invitations).ThenByDescending(r => RateProfile.Named(r.Profile).RequestsPerSecond).ThenBy(r => r.Scenario, StringComparer.Ordinal)
                .Select(DiscoveryRow)));
        text.Append(ReportText.CallsHeading);
        foreach (var (profile, m) in data.OnlineCombinations().Concat(data.DiscoveryCombinations())) text.Append(CallsTable(data, profile, m));
        text.Append(ReportText.PlanHeading).Append("\n");
        text.Append(Render(["M", "resources", "changes", "expand", "Planner.Create", "allocated by the plan", "render text", "render JSON", "peak memory"],
            data.All(ScenarioNames.Plan).Select(PlanRow)));
        text.Append(ReportText.StartupHeading).Append("\n");
        text.Append(Render(["command", "launcher", "median", "min", "max", "runs", "peak memory"],
            data.All(ScenarioNames.Version).Concat(data.All(ScenarioNames.Validate)).Select(StartupRow)));
        text.Append(ReportText.Sources(data));
        File.WriteAllText(paths.Document, text.ToString());
    }

    private static IReadOnlyList<string> OnboardingRow(ReportData data, RateProfile profile, int m)
    {
        var tool = data.Find(ScenarioNames.Onboarding, profile.Name, m);
        var peer = data.Find(ScenarioNames.PeerOnboarding, profile.Name, m);
        var speedUp = tool is not null && peer is not null ? peer.WallSeconds / tool.WallSeconds : (double?)null;
        return [profile.Label, m.ToString(), Seconds(tool?.WallSeconds), Seconds(tool?.LowerBoundSeconds), Ratio(tool?.Ratio),
            Seconds(peer?.WallSeconds), Ratio(speedUp), $"{Number(tool?.TotalCalls)} / {Number(peer?.TotalCalls)}",
            $"{Number(tool?.Throttled)} / {Number(peer?.Throttled)}", $"{Megabytes(tool?.PeakRssMb)} / {Megabytes(peer?.PeakRssMb)}"];
    }

    private static readonly string[] ReadScenarios =
        [ScenarioNames.PreviewCold, ScenarioNames.PreviewWarm, ScenarioNames.DriftPreview, ScenarioNames.DriftUp];

    private static IEnumerable<IReadOnlyList<string>> ReadRows(ReportData data, RateProfile profile, int m) =>
        ReadScenarios.Select(s => data.Find(s, profile.Name, m)).OfType<RunResult>().Select(r => (IReadOnlyList<string>)
        [
            profile.Label, m.ToString(), r.Scenario, r.TotalCalls.ToString(), Number((double)r.TotalCalls / m, "0.0"),
            Seconds(r.WallSeconds), Seconds(r.LowerBoundSeconds), Ratio(r.Ratio), r.Throttled.ToString(), Megabytes(r.PeakRssMb), r.Note ?? "",
        ]);

    /// <summary>Calls per operation of every run at one (rate, M): the operations as rows, the runs as columns.</summary>
    private static string CallsTable(ReportData data, RateProfile profile, int m)
    {
        var runs = data.Runs.Where(r => r.Profile == profile.Name && r.Invitations == m && r.Calls.Count > 0).ToList();
        var operations = runs.SelectMany(r => r.Calls.Keys).Distinct().Order(StringComparer.Ordinal);
        var rows = operations.Select(op => (IReadOnlyList<string>)[op, .. runs.Select(r => r.Calls.TryGetValue(op, out var n) ? n.ToString() : "")]);
        return $"\n**M={m}, {profile.Label}**\n\n" + Render(["operation", .. runs.Select(r => r.Scenario)], rows);
    }

    private static IReadOnlyList<string> DiscoveryRow(RunResult r)
    {
        var learned = string.Join(" / ", Scenarios.DiscoveryScenarios.BusiestOperations.Select(op => Number(Metric(r, Scenarios.DiscoveryScenarios.RateMetric(op)), "0.0")));
        return [RateProfile.Named(r.Profile).Label, r.Invitations.ToString(), r.Scenario, Seconds(r.WallSeconds), Seconds(r.LowerBoundSeconds), Ratio(r.Ratio),
            r.TotalCalls.ToString(), Number((double)r.TotalCalls / r.Invitations, "0.0"), $"{r.Throttled} ({Number(100.0 * r.Throttled / Math.Max(1, r.TotalCalls), "0.0")}%)",
            r.Scenario == ScenarioNames.OnboardingDiscovering ? learned : "", r.Note ?? ""];
    }

    private static IReadOnlyList<string> PlanRow(RunResult r)
    {
        return [r.Invitations.ToString(), Number(Metric(r, "resources")), Number(Metric(r, "changes")), Seconds(Metric(r, "expandSeconds")),
            Seconds(r.WallSeconds), Megabytes(Metric(r, "planAllocatedMb")), Seconds(Metric(r, "renderTextSeconds")),
            Seconds(Metric(r, "renderJsonSeconds")), Megabytes(r.PeakRssMb)];
    }

    private static IReadOnlyList<string> StartupRow(RunResult r)
    {
        var command = r.Scenario == ScenarioNames.Version ? "`cleanrooms-stack --version`" : "`cleanrooms-stack validate` (collaborations.yaml)";
        return [command, r.Profile, Seconds(r.WallSeconds), Seconds(Metric(r, "minSeconds")), Seconds(Metric(r, "maxSeconds")),
            Number(Metric(r, "runs")), Megabytes(r.PeakRssMb)];
    }

    private static double? Metric(RunResult run, string name) => run.Metrics?.TryGetValue(name, out var value) == true ? value : null;
}
