namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Persists the state as one JSON file, written to a temporary file and renamed over the old one, so a crash
/// at any moment leaves either the previous or the new complete state, never a torn file.
/// </summary>
public sealed class StateStore
{
    public const string FileName = "emulator-state.json";

    public StateStore(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
    }

    public string FilePath { get; }

    public EmulatorState? TryLoad() =>
        File.Exists(FilePath) ? StateSerializer.Deserialize(File.ReadAllText(FilePath), FilePath) : null;

    public async Task SaveAsync(EmulatorState state, CancellationToken ct)
    {
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, StateSerializer.Serialize(state), ct).ConfigureAwait(false);
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
