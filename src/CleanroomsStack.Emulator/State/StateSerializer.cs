using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanroomsStack.Emulator.State;

/// <summary>The JSON form of <see cref="EmulatorState"/>: the world file format and the persisted state format.</summary>
public static class StateSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(EmulatorState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>The state with every secret access key replaced, for display.</summary>
    public static string SerializeRedacted(EmulatorState state)
    {
        var node = JsonSerializer.SerializeToNode(state, Options)!;
        foreach (var account in node["accounts"]!.AsArray()) account!["secretAccessKey"] = Redacted;
        return node.ToJsonString(Options);
    }

    public const string Redacted = "(redacted)";

    public static EmulatorState Deserialize(string json, string source)
    {
        try
        {
            var state = JsonSerializer.Deserialize<EmulatorState>(json, Options)
                        ?? throw new InvalidDataException($"{source}: the file is empty; expected a JSON object with \"accounts\".");
            return WorldNormalizer.Normalize(state);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            // Two children of one kind with the same id, or the same name in one membership (MembershipChildStore).
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new InvalidDataException($"{source}{where}: {e.Message} See docs/emulator.md for the world file format.", e);
        }
    }

    /// <summary>A deep copy, so a world's initial state survives the mutations made to the live one.</summary>
    public static EmulatorState Clone(EmulatorState state) => Deserialize(Serialize(state), "state");
}
