using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanroomsStack.Core.Live;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// What a saved plan is bound to: a hash of the config text and a hash of the live state (inventory included) it was
/// computed from. Applying a saved plan is refused when either no longer matches, because the plan would then not be
/// the plan those inputs give.
/// </summary>
public sealed record PlanFingerprint(string Config, string LiveState)
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public static PlanFingerprint Of(string configText, Inventory.Inventory inventory, LiveState live) =>
        new(Hash(configText.ReplaceLineEndings("\n")), Hash(JsonSerializer.Serialize(new { inventory, live }, Canonical)));

    private static string Hash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
