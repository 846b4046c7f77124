using System.Text;

namespace CleanroomsStack.Cli.Files;

/// <summary>
/// Replaces the config with an edited version of itself as an editor would: whole or not at all, keeping a UTF-8 byte
/// order mark if the file had one (else the diff would show the first line changed) and the file's permissions.
/// </summary>
internal static class ConfigRewrite
{
    public static void Write(string path, string text)
    {
        var bom = StartsWithByteOrderMark(path);
        UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(bom));
            writer.Write(text);
        });
        if (mode is { } keep && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, keep);
    }

    private static bool StartsWithByteOrderMark(string path)
    {
        Span<byte> start = stackalloc byte[3];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start.SequenceEqual(Encoding.UTF8.Preamble);
    }
}
