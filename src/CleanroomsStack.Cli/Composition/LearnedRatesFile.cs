using System.Text.Json;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Http;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// The request rates an earlier run learned per AWS operation, kept in the <c>--read-cache</c> folder so the next run
/// starts near them instead of at AWS's documented defaults. Only for the same region and endpoint; a file that can't
/// be used costs a few seconds of finding the rates again, never the run.
/// </summary>
internal static class LearnedRatesFile
{
    public const string FileName = "learned-rates.json";

    /// <summary>A stack's own file: stacks may be other accounts, with other quotas, sharing one cache folder.</summary>
    public static string FileNameFor(string? stack) => Commands.StackFiles.For(FileName, stack);
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The remembered rates for this region and endpoint, or null (no folder, no file, another target).</summary>
    public static IReadOnlyDictionary<string, RememberedRate>? Load(string? folder, string? stack, string region, string? endpoint, TextWriter warnings)
    {
        if (folder is null) return null;
        var path = Path.Combine(folder, FileNameFor(stack));
        try
        {
            if (!File.Exists(path)) return null;
            using var file = File.OpenRead(path);
            var stored = JsonSerializer.Deserialize<StoredRates>(file, Json);
            if (stored is not { FormatVersion: FormatVersion, Rates: { } rates })
            {
                warnings.WriteLine($"warning: ignoring the learned request rates '{Files.SafeFiles.Shown(path)}' (not format version {FormatVersion}); starting from AWS's documented rates.");
                return null;
            }
            if (stored.Region != region || stored.Endpoint != endpoint) return null;
            return rates.Where(r => r.Value is { RequestsPerSecond: > 0 and <= RateLimitOptions.MaxRequestsPerSecond })
                .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            warnings.WriteLine($"warning: ignoring the learned request rates '{Files.SafeFiles.Shown(path)}' ({OneLine(e.Message)}); starting from AWS's documented rates.");
            return null;
        }
    }

    /// <summary>
    /// Keeps what this run learned, and what it remembered of operations it didn't use. Rates given as quotas
    /// (<c>--max-rps</c>) were not learned and are not kept.
    /// </summary>
    public static void Save(string folder, string? stack, string region, string? endpoint, IReadOnlyDictionary<string, RememberedRate>? earlier,
        IReadOnlyList<OperationRate> learned, TextWriter warnings)
    {
        var rates = new SortedDictionary<string, RememberedRate>(StringComparer.Ordinal);
        foreach (var (operation, rate) in earlier ?? new Dictionary<string, RememberedRate>()) rates[operation] = rate;
        foreach (var rate in learned.Where(r => r.Basis != RateBasis.Given))
            rates[rate.Operation] = new RememberedRate(Math.Round(rate.Rate, 2), rate.Basis == RateBasis.Estimated);
        if (rates.Count == 0) return;
        var path = Path.Combine(folder, FileNameFor(stack));
        try
        {
            AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, new StoredRates(FormatVersion, region, endpoint, rates), Json));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Files.FileProblem)
        {
            warnings.WriteLine($"warning: could not write the learned request rates '{Files.SafeFiles.Shown(path)}' ({OneLine(e.Message)}); the next run finds them again.");
        }
    }

    private static string OneLine(string message) => Core.Rendering.TerminalText.Escape(message.ReplaceLineEndings(" ").TrimEnd());

    private sealed record StoredRates(int FormatVersion, string? Region, string? Endpoint, IReadOnlyDictionary<string, RememberedRate>? Rates);
}
