using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Engine.Reading;
using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>
/// cleanroomsstack:index:getCollaborations: collaborations.yaml loaded by the CLI's loader and expanded against the
/// account's live inventory by the CLI's expander (table patterns, naming template, quota, role names), so a Pulumi
/// program loops over exactly what `cleanrooms-stack plan` would manage.
/// </summary>
public static class GetCollaborations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(ObjectValue? Result, IReadOnlyList<InputFailure> Failures)> InvokeAsync(ObjectValue args, ProviderState state, CancellationToken ct)
    {
        var (text, path) = args.Text("config") is { } inline ? (inline, "config")
            : args.Text("configFile") is { } file ? (await ReadAsync(file, ct), file)
            : throw new InvalidPropertyException("getCollaborations needs config (the YAML text) or configFile (a path)");
        // A file's extends is followed from its folder; inline YAML has no folder to follow it from.
        var loaded = ConfigLoader.Load(text, path, args.Text("config") is null ? ReadExtended : null);
        if (loaded.Config is not { } config)
            return (null, loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => new InputFailure(args["config"] is null ? "configFile" : "config", Describe(d))).ToList());

        var named = config.Collaborations.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var reader = new InventoryReader(state.Api, state.Region, parallelism: 4);
        var listing = await reader.ListAsync(named, ct);
        var inventory = await reader.CompleteAsync(listing, named, config.ManagesUnlistedCollaborations, ct);
        var desired = DesiredStateExpander.Expand(config, inventory);
        if (desired.Diagnostics.Any(d => d.Severity == Severity.Error))
            return (null, desired.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => new InputFailure("config", Describe(d))).ToList());
        var collaborations = desired.Collaborations.Where(c => !c.Leave).Select(Collaboration).ToList();
        return (new ObjectValue(new Dictionary<string, PropertyValue> { ["collaborations"] = new ArrayValue(collaborations) }), []);
    }

    private static async Task<string> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllTextAsync(file, ct);
        }
        catch (IOException e)
        {
            throw new InvalidPropertyException($"configFile '{file}' can't be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidPropertyException($"configFile '{file}' can't be read: {e.Message}");
        }
    }

    private static ConfigFileRead ReadExtended(string path)
    {
        try
        {
            return File.Exists(path) ? new ConfigFileRead(File.ReadAllText(path), null) : new ConfigFileRead(null, "does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigFileRead(null, $"can't be read ({e.Message})");
        }
    }

    private static PropertyValue Collaboration(DesiredCollaboration c)
    {
        var result = new Dictionary<string, PropertyValue>
        {
            ["id"] = new StringValue(c.CollaborationId),
            ["name"] = new StringValue(c.Name),
            ["membership"] = FromJson(JsonSerializer.SerializeToNode(c.Membership, Json)),
        };
        foreach (var kind in ResourceKinds.InMembership)
            result[ListName(kind)] = new ArrayValue(c.Children.Get<object>(kind).Select(spec => FromJson(JsonSerializer.SerializeToNode(spec, spec.GetType(), Json))).ToList());
        return new ObjectValue(result);
    }

    /// <summary><c>table-association</c> → <c>tableAssociations</c>.</summary>
    private static string ListName(ResourceKind kind)
    {
        var words = kind.AddressSegment.Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "s";
    }

    private static PropertyValue FromJson(JsonNode? node) => node switch
    {
        null => PropertyValue.Null,
        JsonObject o => new ObjectValue(o.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => FromJson(p.Value))),
        JsonArray a => new ArrayValue(a.Select(FromJson).ToList()),
        JsonValue v when v.TryGetValue<bool>(out var b) => new BoolValue(b),
        JsonValue v when v.TryGetValue<double>(out var d) => new NumberValue(d),
        _ => new StringValue(node.ToString()),
    };

    private static string Describe(Diagnostic d) =>
        $"{(d.Location is { } l ? $"{l.Line}:{l.Column}: " : "")}{d.Message}{(d.Hint is { } h ? $" ({h})" : "")}";
}
