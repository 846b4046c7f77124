using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;

namespace CleanroomsStack.GitOps.Tests.Schema;

/// <summary>A place in the description: the path to it (keys, and 0 for "the first item") and the node there.</summary>
public sealed record DescribedNode(IReadOnlyList<object> Path, SchemaNode Node)
{
    public string Where => string.Join('.', Path);
}

/// <summary>
/// Documents built from <see cref="ConfigSchema"/>: a sample that sets every described key to its example (JSON, which is
/// also YAML, so the loader reads it), and every described node with its path, to change one place at a time.
/// </summary>
public static class SampleDocuments
{
    public static JsonObject Full() => (JsonObject)Sample(ConfigSchema.Root);

    /// <summary>Every node of the description, depth first; the alternatives of a one-of are not descended into.</summary>
    public static IEnumerable<DescribedNode> All(SchemaNode node, IReadOnlyList<object>? path = null)
    {
        path ??= [];
        yield return new DescribedNode(path, node);
        var children = node switch
        {
            ObjectNode o => o.Properties.Select(p => ((object)p.Key, p.Node)),
            ArrayNode a => [((object)0, a.Items)],
            _ => [],
        };
        foreach (var (segment, child) in children)
            foreach (var described in All(child, [.. path, segment]))
                yield return described;
    }

    /// <summary>The full sample with the value at <paramref name="path"/> replaced (or, for a new key, added).</summary>
    public static string With(IReadOnlyList<object> path, JsonNode? value) => Changed(path, (parent, last) =>
    {
        if (last is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)last] = value;
    });

    /// <summary>The full sample without the key at <paramref name="path"/>.</summary>
    public static string Without(IReadOnlyList<object> path) => Changed(path, (parent, last) => parent.AsObject().Remove((string)last));

    private static string Changed(IReadOnlyList<object> path, Action<JsonNode, object> change)
    {
        var document = Full();
        JsonNode parent = document;
        foreach (var segment in path.SkipLast(1))
            parent = segment is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)segment]!;
        change(parent, path[^1]);
        return document.ToJsonString();
    }

    /// <summary>A value of the node built from its examples.</summary>
    public static JsonNode Sample(SchemaNode node) => node switch
    {
        ObjectNode { Values: { } values } => new JsonObject { ["team"] = Sample(values) },
        ObjectNode o => new JsonObject(o.Properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Sample(p.Node)))),
        ArrayNode a => new JsonArray(Sample(a.Items)),
        OneOfNode one => Sample(one.Alternatives[0]),
        StringNode s => JsonValue.Create(s.Example),
        BoolNode b => JsonValue.Create(b.Example),
        IntNode i => JsonValue.Create(i.Example),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}
