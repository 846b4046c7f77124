using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.World;
using static CleanroomsStack.Bench.Report.MarkdownTable;

namespace CleanroomsStack.Bench.Report;

/// <summary>One target of issue #8 with what was measured against it.</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met)
{
    public IReadOnlyList<string> Row => [Target, Measured, Met switch { true => "met", false => "**not met**", null => "not measured" }];
}

/// <summary>The performance targets of issue #8, each judged from the results present (never from typed-in numbers).</summary>
public static class TargetChecks
{
    private const int OnboardingTargetM = 100;

    public static IEnumerable<TargetCheck> Evaluate(ReportData data)
    {
        foreach (var check in PreviewCalls(data)) yield return check;
        yield return Onboarding(data);
        foreach (var check in Plan(data)) yield return check;
        foreach (var check in Startup(data, ScenarioNames.Version, "`--version`", 0.3)) yield return check;
        foreach (var check in Startup(data, ScenarioNames.Validate, "`validate` of the sample config", 0.5)) yield return check;
    }

    /// <summary>
    /// Warm cache: ≤ 6 calls per membership + 10 (the membership's ListTagsForResource, which reads the record `drift`
    /// needs, included); without a cache, one more per association, counting both kinds a membership has (25 table
    /// associations and its ID namespace association: each needs a Get for what its summary lacks), and the membership's
    /// own Get, which the warm cache spares too.
    /// </summary>
    private static IEnumerable<TargetCheck> PreviewCalls(ReportData data)
    {
        foreach (var run in data.All(ScenarioNames.PreviewCold))
        {
            var limit = 7 * run.Invitations + 10 + run.Invitations * BenchConfig.AssociationsPerMembership;
            yield return new TargetCheck($"no-op preview, cold, M={run.Invitations} ({run.Profile}): ≤ 7/membership + 10 + 1/association ({BenchConfig.AssociationsPerMembership} a membership) = {limit} calls",
                $"{run.TotalCalls} calls", run.TotalCalls <= limit);
        }
        var warm = data.All(ScenarioNames.PreviewWarm).ToList();
        if (warm.Count == 0)
            yield return new TargetCheck("no-op preview, warm read cache: ≤ 6 calls/membership + 10", "not run", null);
        foreach (var run in warm)
        {
            var limit = 6 * run.Invitations + 10;
            yield return new TargetCheck($"no-op preview, warm read cache, M={run.Invitations} ({run.Profile}): ≤ {limit} calls",
                $"{run.TotalCalls} calls", run.TotalCalls <= limit);
        }
    }

    private static TargetCheck Onboarding(ReportData data)
    {
        const string target = "onboarding M=100, time-scaled: ≤ 1.2 × lower bound and ≥ 2.5 × faster than the sequential peer";
        var tool = data.Find(ScenarioNames.Onboarding, RateProfile.TimeScaled.Name, OnboardingTargetM);
        var peer = data.Find(ScenarioNames.PeerOnboarding, RateProfile.TimeScaled.Name, OnboardingTargetM);
        if (tool?.Ratio is not { } ratio || peer is null) return new TargetCheck(target, "needs both runs at M=100 time-scaled", null);
        var speedUp = peer.WallSeconds / tool.WallSeconds;
        return new TargetCheck(target, $"{Ratio(ratio)} the lower bound; {Ratio(speedUp)} faster than the peer", ratio <= 1.2 && speedUp >= 2.5);
    }

    private static IEnumerable<TargetCheck> Plan(ReportData data)
    {
        var run = data.Find(ScenarioNames.Plan, "none", 1000);
        if (run is null)
        {
            yield return new TargetCheck("plan 1000 × 25 in memory: < 1 s and < 300 MB", "not run at M=1000", null);
            yield break;
        }
        yield return new TargetCheck("plan 1000 × 25 in memory: < 1 s (Planner.Create)", Seconds(run.WallSeconds), run.WallSeconds < 1);
        yield return new TargetCheck("plan 1000 × 25 in memory: < 300 MB (peak RSS of the process)", Megabytes(run.PeakRssMb),
            run.PeakRssMb is { } mb ? mb < 300 : null);
    }

    private static IEnumerable<TargetCheck> Startup(ReportData data, string scenario, string what, double limitSeconds)
    {
        var runs = data.All(scenario).ToList();
        if (runs.Count == 0) yield return new TargetCheck($"{what} < {limitSeconds} s", "not run", null);
        foreach (var run in runs)
            yield return new TargetCheck($"{what} < {limitSeconds} s ({run.Profile}, median)", Seconds(run.WallSeconds), run.WallSeconds < limitSeconds);
    }
}
