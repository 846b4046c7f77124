using CleanroomsStack.Cli.Files;

namespace CleanroomsStack.Cli;

/// <summary>Writes a file whole or not at all, so a reader (or a run interrupted mid-write) never sees half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    });

    /// <summary>Streams the content into the file (a large file never needs to be one string in memory).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        // A rename would replace a device, a FIFO or a symlink's target with a file: only regular files are replaced.
        SafeFiles.RequireWritableTarget(path, "output", "Pass the path of a regular file.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Write beside the target, then rename: a rename within one folder replaces the file in one step.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)) write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
