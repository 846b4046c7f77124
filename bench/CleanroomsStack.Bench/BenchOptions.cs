using System.Globalization;

namespace CleanroomsStack.Bench;

/// <summary>
/// The command line of the bench. Every (M, rate) combination is chosen explicitly, because runs at AWS's real
/// 5 requests/s take M × 5 s and more (M=1000: hours).
/// </summary>
public sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/CleanroomsStack.Bench -- [options]
          --quick              a smoke run: time-scaled M=10 only, plan M=100, 3 start-up runs
          --only GROUPS        comma list of: tool (onboarding, no-op preview, drift), peer, discovery, plan, startup  [all]
          --m LIST             M values at the time-scaled rate (100 req/s, 10 ms)       [10,100,1000]
          --aws-m LIST         M values at AWS's rate (5 req/s, 200 ms); 'none' to skip   [10]
          --discovery-m LIST   M values of the discovery group (no --max-rps; 20 and 5 req/s, 200 ms)  [100]
          --plan-m LIST        M values of the in-memory plan                              [1000]
          --repeat N           start-up runs per command (median reported)                 [10]
          --report-only        regenerate docs/BENCHMARKS.md from bench/results without measuring
        """;

    public static readonly IReadOnlyList<string> Groups = ["tool", "peer", "discovery", "plan", "startup"];

    public IReadOnlySet<string> Only { get; init; } = Groups.ToHashSet();
    public IReadOnlyList<int> ScaledM { get; init; } = [10, 100, 1000];
    public IReadOnlyList<int> AwsM { get; init; } = [10];
    public IReadOnlyList<int> DiscoveryM { get; init; } = [100];
    public IReadOnlyList<int> PlanM { get; init; } = [1000];
    public int Repeat { get; init; } = 10;
    public bool ReportOnly { get; init; }

    public bool Runs(string group) => Only.Contains(group);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" => options with { ScaledM = [10], AwsM = [], DiscoveryM = [], PlanM = [100], Repeat = 3 },
                "--only" => options with { Only = ParseGroups(Value()) },
                "--m" => options with { ScaledM = ParseList("--m", Value()) },
                "--aws-m" => options with { AwsM = ParseList("--aws-m", Value()) },
                "--discovery-m" => options with { DiscoveryM = ParseList("--discovery-m", Value()) },
                "--plan-m" => options with { PlanM = ParseList("--plan-m", Value()) },
                "--repeat" => options with { Repeat = ParseList("--repeat", Value()).Single() },
                "--report-only" => options with { ReportOnly = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }
        return options;
    }

    private static HashSet<string> ParseGroups(string text)
    {
        var groups = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = groups.Except(Groups).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--only: unknown group(s) {string.Join(", ", unknown)}; use {string.Join(", ", Groups)}.");
        return groups;
    }

    private static IReadOnlyList<int> ParseList(string option, string text)
    {
        if (text == "none") return [];
        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new ArgumentException($"{option}: '{v}' is not a positive whole number (e.g. {option} 10,100)."))
            .ToList();
        return values.Count > 0 ? values : throw new ArgumentException($"{option} needs at least one value, or 'none'.");
    }
}
