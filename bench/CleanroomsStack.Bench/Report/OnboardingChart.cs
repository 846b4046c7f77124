using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Report;

/// <summary>A written chart: its file name (beside BENCHMARKS.md) and its title, for the Markdown image.</summary>
public sealed record WrittenChart(string FileName, string Title);

/// <summary>
/// Onboarding time against M, one chart per rate profile measured at two or more M (a single point is no line):
/// CleanroomsStack's wall time, the lower bound and the sequential peer's wall time.
/// </summary>
public static class OnboardingChart
{
    public static IReadOnlyList<WrittenChart> WriteAll(BenchPaths paths, ReportData data)
    {
        var written = new List<WrittenChart>();
        foreach (var profile in RateProfile.All)
        {
            var tool = data.All(ScenarioNames.Onboarding).Where(r => r.Profile == profile.Name).ToList();
            var peer = data.All(ScenarioNames.PeerOnboarding).Where(r => r.Profile == profile.Name).ToList();
            if (tool.Count < 2 && peer.Count < 2) continue;
            var title = $"Onboarding M invitations × 25 tables at {profile.Label}";
            var series = new List<ChartSeries>
            {
                new("CleanroomsStack", "#1f6feb", tool.Select(r => ((double)r.Invitations, r.WallSeconds)).ToList()),
                new("lower bound", "#6e7781", tool.Where(r => r.LowerBoundSeconds is not null)
                    .Select(r => ((double)r.Invitations, r.LowerBoundSeconds!.Value)).ToList(), Dashed: true),
                new("sequential peer", "#cf222e", peer.Select(r => ((double)r.Invitations, r.WallSeconds)).ToList()),
            };
            var fileName = $"benchmarks-onboarding-{profile.Name}.svg";
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(paths.Document)!, fileName),
                SvgChart.Render(title, "M (invitations, log scale)", "wall time, seconds (log scale)", series));
            written.Add(new WrittenChart(fileName, title));
        }
        return written;
    }
}
