using System.Text.Encodings.Web;
using System.Text.Json;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// Writes and reads <see cref="PlanDocument"/> as JSON (docs/plan-json.md). Deterministic: fixed property order
/// (declaration order), two-space indent, '\n' line ends, no timestamps.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The output is read by people and tools, never embedded in HTML, so keep '+', '<' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(PlanDocument document) => JsonSerializer.Serialize(document, Options) + "\n";

    /// <summary>Reads a document written by <see cref="Write"/>; returns null for text that isn't one.</summary>
    public static PlanDocument? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PlanDocument>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
