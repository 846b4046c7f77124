using System.Globalization;
using CleanroomsStack.Bench.Measure;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// Runs the built CLI (<c>dotnet cleanrooms-stack.dll</c>) in a child process against the emulator, as our account,
/// at the profile's <c>--max-rps</c> (without one, the tool discovers the rate), and turns what happened into a
/// <see cref="RunResult"/>: the emulator's call counts (reset before each run), wall time, the child's peak memory and
/// the lower bound.
/// </summary>
public sealed class ToolRunner(BenchPaths paths, EmulatorSession emulator, RateProfile profile, int invitations, string configPath)
{
    private readonly string _workDirectory = Directory.CreateDirectory(Path.Combine(paths.Scratch, $"tool-{profile.Name}-m{invitations}")).FullName;

    public async Task<(RunResult Result, ChildOutcome Outcome)> RunAsync(string scenario, params string[] command)
    {
        emulator.ResetStats();
        var arguments = new List<string> { paths.CliDll };
        arguments.AddRange(command);
        arguments.AddRange(["--config", configPath, "--endpoint-url", emulator.Endpoint, "--no-color"]);
        if (profile.ClientMaxRps is { } rps) arguments.AddRange(["--max-rps", rps.ToString(CultureInfo.InvariantCulture)]);
        var outcome = await ChildRun.RunAsync("dotnet", arguments, BenchClient.Environment(), _workDirectory);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`cleanrooms-stack {string.Join(' ', command)}` ({scenario}, M={invitations}, {profile.Label}) exited with {outcome.ExitCode}:\n{outcome.Tail}");
        }
        return (emulator.ResultOf(scenario, profile, invitations, outcome), outcome);
    }
}
