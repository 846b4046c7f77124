using System.Text.Json;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.SavedPlans;

/// <summary>
/// A plan saved by <c>preview --out</c>: the plan document plus the fingerprints of the config and live state it was
/// computed from. <c>up --plan</c> applies it only while both still match.
/// </summary>
internal sealed record SavedPlan(int FormatVersion, string Kind, string ConfigFingerprint, string LiveStateFingerprint, PlanDocument Plan)
{
    public const string KindName = "cleanrooms-stack-saved-plan";

    /// <summary>Follows the plan document's format: version 2 carries attribute values as JSON values, version 1 as text.</summary>
    public const int CurrentFormatVersion = PlanDocument.CurrentFormatVersion;
}

internal static class SavedPlanFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, IndentSize = 2, NewLine = "\n",
    };

    public static void Write(string path, PlanFingerprint fingerprint, PlanDocument plan)
    {
        var saved = new SavedPlan(SavedPlan.CurrentFormatVersion, SavedPlan.KindName, fingerprint.Config, fingerprint.LiveState, plan);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(saved, Options) + "\n");
    }

    /// <summary>Reads a saved plan; a missing or foreign file is reported on <paramref name="error"/> and gives null.</summary>
    public static SavedPlan? Read(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"error: saved plan '{path}' not found.");
            error.WriteLine("  hint: create one with `cleanrooms-stack preview --out <file>`.");
            return null;
        }
        try
        {
            var saved = JsonSerializer.Deserialize<SavedPlan>(File.ReadAllText(path), Options);
            if (saved is { Kind: SavedPlan.KindName, FormatVersion: SavedPlan.CurrentFormatVersion, Plan.FormatVersion: PlanDocument.CurrentFormatVersion })
                return saved;
            if (saved is { Kind: SavedPlan.KindName })
            {
                error.WriteLine($"error: '{path}' was saved by an older cleanrooms-stack (plan format version {saved.FormatVersion}); this one reads version {SavedPlan.CurrentFormatVersion}.");
                error.WriteLine("  hint: re-run `cleanrooms-stack preview --out <file>` to save the plan again, review it, then apply it.");
                return null;
            }
        }
        catch (JsonException) { /* reported below */ }
        error.WriteLine($"error: '{path}' is not a plan saved by `cleanrooms-stack preview --out` (format version {SavedPlan.CurrentFormatVersion}).");
        error.WriteLine("  hint: save the plan again with `cleanrooms-stack preview --out <file>`.");
        return null;
    }
}
