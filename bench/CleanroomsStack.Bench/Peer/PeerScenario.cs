using System.Globalization;
using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Peer;

/// <summary>
/// Scenario 6: the sequential peer onboards the same world on a fresh emulator with the same limits, in a child
/// process of the bench (<see cref="ChildVerb"/>) so its memory is measured the way the tool's is.
/// </summary>
public static class PeerScenario
{
    public const string ChildVerb = "__peer";

    public static async Task<RunResult> MeasureAsync(BenchPaths paths, string worldFile, RateProfile profile, int invitations)
    {
        await using var emulator = await EmulatorSession.StartAsync(worldFile, invitations, profile);
        emulator.ResetStats();
        var rate = profile.RequestsPerSecond.ToString(CultureInfo.InvariantCulture);
        var outcome = await ChildRun.RunAsync("dotnet", [paths.BenchDll, ChildVerb, emulator.Endpoint, rate], BenchClient.Environment(), paths.Scratch);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"The sequential peer (M={invitations}, {profile.Label}) failed:\n{outcome.Tail}");
        return emulator.ResultOf(ScenarioNames.PeerOnboarding, profile, invitations, outcome);
    }

    /// <summary>The child's side: onboard every pending invitation, one call at a time.</summary>
    public static async Task<int> RunChildAsync(string endpoint, string rate)
    {
        var api = BenchClient.Create(endpoint, double.Parse(rate, CultureInfo.InvariantCulture));
        var onboarded = await new SequentialPeer(api).OnboardAllAsync(CancellationToken.None);
        Console.WriteLine($"Onboarded {onboarded} invitation(s) sequentially.");
        return 0;
    }
}
