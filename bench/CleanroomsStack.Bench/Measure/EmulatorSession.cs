using CleanroomsStack.Emulator;

namespace CleanroomsStack.Bench.Measure;

/// <summary>
/// The emulator a scenario runs against, hosted in the bench process (so the tool's child process is measured
/// alone), loaded with a generated world and throttled per operation as <see cref="RateProfile"/> says.
/// </summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    private readonly RunningEmulator _emulator;

    private EmulatorSession(RunningEmulator emulator) => _emulator = emulator;

    public string Endpoint => _emulator.Endpoint.ToString().TrimEnd('/');

    public static async Task<EmulatorSession> StartAsync(string worldFile, int invitations, RateProfile profile)
    {
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            WorldFile = worldFile,
            // Our account joins every invitation; AWS's default quota (100) would stop the larger runs.
            Quotas = new EmulatorQuotas { MembershipsPerAccount = Math.Max(100, invitations + 10) },
            Faults = new FaultSettings
            {
                RateLimit = profile.RequestsPerSecond, RateLimitBurst = profile.Burst, LatencyMs = profile.LatencyMs,
                // AWS's other behaviours as the emulator plays them by default, with the profile's read-after-write lag.
                Behaviour = AwsBehaviour.Defaults with { LagMs = profile.LagMs },
            },
        });
        return new EmulatorSession(emulator);
    }

    /// <summary>Requests per operation since the last reset (throttled ones included: each is a call the client made).</summary>
    public IReadOnlyDictionary<string, int> Calls() =>
        _emulator.GetStats().ToDictionary(s => s.Key, s => s.Value.Requests, StringComparer.Ordinal);

    public int Throttled() => _emulator.GetStats().Values.Sum(s => s.Throttled);

    public void ResetStats() => _emulator.ResetStats();

    /// <summary>A finished child run against this emulator: its calls since the last reset, throttles and lower bound.</summary>
    public RunResult ResultOf(string scenario, RateProfile profile, int invitations, ChildOutcome outcome)
    {
        var calls = Calls();
        return new RunResult(scenario, profile.Name, invitations, outcome.WallSeconds, outcome.PeakRssMb, calls,
            Throttled(), LowerBound.Seconds(calls, profile), outcome.ExitCode);
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
