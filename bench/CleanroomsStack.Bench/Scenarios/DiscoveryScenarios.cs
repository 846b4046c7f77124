using System.Globalization;
using System.Text.RegularExpressions;
using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.World;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// The tool without <c>--max-rps</c>, finding the account's rates by itself (issue #19): onboarding M invitations
/// with <c>up --yes --read-cache</c> against the emulator at the profile's rate, then the first <c>preview</c> with
/// the same read cache, which must need no Get for anything <c>up</c> created.
/// </summary>
public static partial class DiscoveryScenarios
{
    /// <summary>The operations whose learned rate the report shows: the three that onboarding uses most.</summary>
    public static readonly IReadOnlyList<string> BusiestOperations =
        ["CreateConfiguredTableAssociation", "CreateConfiguredTableAssociationAnalysisRule", "ListConfiguredTableAssociations"];

    public static async Task<IReadOnlyList<RunResult>> MeasureAsync(BenchPaths paths, string worldFile, RateProfile profile, int invitations, Action<string> log)
    {
        var configPath = Path.Combine(paths.Scratch, $"collaborations-m{invitations}.yaml");
        await File.WriteAllTextAsync(configPath, BenchConfig.Yaml(await File.ReadAllTextAsync(paths.SampleConfig), invitations));
        await using var emulator = await EmulatorSession.StartAsync(worldFile, invitations, profile);
        var tool = new ToolRunner(paths, emulator, profile, invitations, configPath);
        var cache = Path.Combine(paths.Scratch, $"read-cache-{profile.Name}-m{invitations}");

        log($"  up --yes --read-cache (onboarding {invitations} invitations, no --max-rps)");
        var (up, upOutput) = await tool.RunAsync(ScenarioNames.OnboardingDiscovering, "up", "--yes", "--read-cache", cache);
        log("  preview --read-cache (the first after up)");
        var (preview, previewOutput) = await tool.RunAsync(ScenarioNames.PreviewAfterUp, "preview", "--read-cache", cache);
        var note = previewOutput.Output.Contains("No changes", StringComparison.Ordinal) ? null : $"the preview after up found changes: {previewOutput.Tail}";
        return [up with { Metrics = LearnedRates(upOutput.Output) }, preview with { Note = note }];
    }

    /// <summary>The rate/s column of up's call summary for <see cref="BusiestOperations"/> ("~20.1" learned, ">=6" never throttled).</summary>
    private static Dictionary<string, double> LearnedRates(string output)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match row in SummaryRow().Matches(output))
        {
            var operation = row.Groups["operation"].Value;
            if (BusiestOperations.Contains(operation))
                rates[RateMetric(operation)] = double.Parse(row.Groups["rate"].Value, CultureInfo.InvariantCulture);
        }
        return rates;
    }

    public static string RateMetric(string operation) => $"learnedRate:{operation}";

    // "  CreateConfiguredTableAssociation   2512  12  12  0  40.1s    ~20.1"
    [GeneratedRegex(@"^  (?<operation>[A-Za-z]+) +\d+ +\d+ +\d+ +\d+ +[\d.]+s +(?:~|>=)?(?<rate>[\d.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();
}
