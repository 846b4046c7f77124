using System.Security.Cryptography;
using System.Text;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>Name-based UUIDs (RFC 4122 version 5 layout over SHA-256), so seeded resources keep their ids across runs.</summary>
public static class DeterministicId
{
    public static string From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("cleanrooms-emulator:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
