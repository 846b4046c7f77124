using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Report;

/// <summary>Every run of every results file, with the lookups the report's sections need.</summary>
public sealed class ReportData(IReadOnlyList<ResultFile> files)
{
    public IReadOnlyList<ResultFile> Files { get; } = files;

    public IReadOnlyList<RunResult> Runs { get; } = files.SelectMany(f => f.Runs).ToList();

    public RunResult? Find(string scenario, string profile, int invitations) =>
        Runs.FirstOrDefault(r => r.Scenario == scenario && r.Profile == profile && r.Invitations == invitations);

    public IEnumerable<RunResult> All(string scenario) =>
        Runs.Where(r => r.Scenario == scenario).OrderBy(r => ProfileOrder(r.Profile)).ThenBy(r => r.Invitations);

    /// <summary>The (profile, M) pairs the online scenarios ran at, AWS's rate first.</summary>
    public IEnumerable<(RateProfile Profile, int M)> OnlineCombinations() => Runs
        .Where(r => r.Scenario is ScenarioNames.Onboarding or ScenarioNames.PeerOnboarding)
        .Select(r => (r.Profile, r.Invitations)).Distinct()
        .OrderBy(c => ProfileOrder(c.Profile)).ThenBy(c => c.Invitations)
        .Select(c => (RateProfile.Named(c.Profile), c.Invitations));

    /// <summary>The (profile, M) pairs the discovery group ran at, the raised rate first.</summary>
    public IEnumerable<(RateProfile Profile, int M)> DiscoveryCombinations() => Runs
        .Where(r => r.Scenario == ScenarioNames.OnboardingDiscovering)
        .Select(r => (Profile: RateProfile.Named(r.Profile), M: r.Invitations)).Distinct()
        .OrderBy(c => c.M).ThenByDescending(c => c.Profile.RequestsPerSecond);

    private static int ProfileOrder(string profile) => profile == RateProfile.Aws.Name ? 0 : 1;
}
