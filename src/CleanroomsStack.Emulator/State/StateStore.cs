namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Persists the state as one JSON file, written to a temporary file and renamed over the old one, so a kill at
/// any moment leaves either the previous or the new complete state, never a torn file.
/// </summary>
public sealed class StateStore
{
    public const string FileName = "emulator-state.json";
    private const string TemporarySuffix = ".tmp";

    private readonly bool _syncToDisk;

    /// <param name="syncToDisk">Also flush each write to the disk (survives power loss, not just a killed process; slower).</param>
    public StateStore(string directory, bool syncToDisk = false)
    {
        _syncToDisk = syncToDisk;
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
                // A killed process loses nothing the OS already has; only power loss needs the flush to the disk.
                stream.Flush(flushToDisk: _syncToDisk);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
