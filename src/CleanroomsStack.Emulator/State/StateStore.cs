namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Persists the state as one JSON file, written to a temporary file, flushed to disk and renamed over the old
/// one, so a crash or kill at any moment leaves either the previous or the new complete state, never a torn file.
/// </summary>
public sealed class StateStore
{
    public const string FileName = "emulator-state.json";
    private const string TemporarySuffix = ".tmp";

    public StateStore(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
    }

    public string FilePath { get; }

    /// <summary>The last complete state, if any. Leftovers of an interrupted write are discarded first.</summary>
    public EmulatorState? TryLoad()
    {
        foreach (var leftover in Directory.GetFiles(Path.GetDirectoryName(FilePath)!, FileName + ".*" + TemporarySuffix))
            File.Delete(leftover);
        return File.Exists(FilePath) ? StateSerializer.Deserialize(File.ReadAllText(FilePath), FilePath) : null;
    }

    public async Task SaveAsync(EmulatorState state, CancellationToken ct)
    {
        var temporary = $"{FilePath}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(StateSerializer.Serialize(state)), ct).ConfigureAwait(false);
                // Flush to the disk, not just the OS cache, before the rename makes the file the current state.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
