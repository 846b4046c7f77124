namespace CleanroomsStack.Bench.Measure;

/// <summary>One measured run: the unit written to bench/results and read back by the report.</summary>
/// <param name="Scenario">See <see cref="ScenarioNames"/> for the names.</param>
/// <param name="Profile">Rate profile name (<see cref="RateProfile"/>), or "none" for runs without HTTP.</param>
/// <param name="Invitations">M; 0 where it does not apply (start-up).</param>
/// <param name="Calls">Requests per operation as the emulator counted them (throttled ones included).</param>
/// <param name="LowerBoundSeconds">See <see cref="LowerBound"/>; null for runs without HTTP.</param>
/// <param name="Metrics">Scenario-specific numbers (plan phases, start-up samples, ...).</param>
public sealed record RunResult(
    string Scenario,
    string Profile,
    int Invitations,
    double WallSeconds,
    double? PeakRssMb,
    IReadOnlyDictionary<string, int> Calls,
    int Throttled,
    double? LowerBoundSeconds,
    int ExitCode,
    IReadOnlyDictionary<string, double>? Metrics = null,
    string? Note = null)
{
    public int TotalCalls => Calls.Values.Sum();

    public double? Ratio => LowerBoundSeconds is > 0 ? WallSeconds / LowerBoundSeconds : null;
}

/// <summary>The scenario names used in results and in the report.</summary>
public static class ScenarioNames
{
    public const string Onboarding = "onboarding";
    public const string OnboardingDiscovering = "onboarding-no-max-rps";
    public const string PreviewAfterUp = "preview-after-up";
    public const string PeerOnboarding = "peer-onboarding";
    public const string PreviewCold = "preview-noop";
    public const string PreviewWarm = "preview-noop-warm-cache";
    public const string DriftPreview = "drift-preview";
    public const string DriftUp = "drift-up";
    public const string Plan = "plan-in-memory";
    public const string Version = "startup-version";
    public const string Validate = "startup-validate";
}

/// <summary>
/// The lower bound of a run against rate-limited AWS: no client can beat the busiest operation's queue
/// (its calls ÷ its rate), and none can skip one membership's chain of dependent calls (each one round trip of
/// the set latency): wall ≥ max over operations of (calls ÷ rate) + chain length × latency.
/// </summary>
public static class LowerBound
{
    /// <summary>
    /// CreateMembership → CreateConfiguredTableAssociation → CreateConfiguredTableAssociationAnalysisRule for writes;
    /// ListMemberships → ListConfiguredTableAssociations → the rules' read for a preview: three round trips either way.
    /// </summary>
    public const int ChainLength = 3;

    public static double Seconds(IReadOnlyDictionary<string, int> calls, RateProfile profile) =>
        (calls.Count == 0 ? 0 : calls.Values.Max() / profile.RequestsPerSecond) + ChainLength * profile.LatencyMs / 1000.0;
}
