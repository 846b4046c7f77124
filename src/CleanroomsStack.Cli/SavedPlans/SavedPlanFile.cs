using System.Text.Json;
using CleanroomsStack.Cli.Files;
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

    public static void Write(string path, PlanFingerprint fingerprint, PlanDocument plan) =>
        AtomicFile.WriteAllText(path, Serialize(fingerprint, plan));

    /// <summary>The saved plan on a stream the caller owns (standard output for <c>--out -</c>).</summary>
    public static void Write(TextWriter output, PlanFingerprint fingerprint, PlanDocument plan) => output.Write(Serialize(fingerprint, plan));

    private static string Serialize(PlanFingerprint fingerprint, PlanDocument plan) =>
        JsonSerializer.Serialize(new SavedPlan(SavedPlan.CurrentFormatVersion, SavedPlan.KindName, fingerprint.Config, fingerprint.LiveState, plan), Options) + "\n";

    /// <summary>Reads a saved plan; a missing or foreign file is reported on <paramref name="error"/> and gives null.</summary>
    public static SavedPlan? Read(string path, TextWriter error)
    {
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
        {
            error.WriteLine(kind == FileKind.Absent
                ? $"error: saved plan '{SafeFiles.Shown(path)}' not found."
                : $"error: saved plan '{SafeFiles.Shown(path)}' is {FileKinds.Describe(kind)}, not a file saved by `cleanrooms-stack preview --out`.");
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
