using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>Chooses the initial world: a world file when given, the demo world otherwise.</summary>
public static class WorldLoader
{
    public static EmulatorState Load(string? worldFile)
    {
        if (worldFile is null) return DemoWorld.Build();
        if (!File.Exists(worldFile))
            throw new FileNotFoundException($"World file '{worldFile}' does not exist. Pass an existing JSON world file (format: docs/emulator.md) or omit it for the demo world.", worldFile);

        var state = StateSerializer.Deserialize(File.ReadAllText(worldFile), worldFile);
        WorldValidator.ThrowIfInvalid(state, worldFile);
        return state;
    }
}
