using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>Dotted paths into JSON (<c>membership.paymentConfiguration.queryCompute</c>, <c>list.0.name</c>).</summary>
public static class JsonPath
{
    public static JsonNode? Get(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
            node = int.TryParse(part, out var i) ? node?.AsArray()[i] : node?[part];
        return node;
    }

    public static string? Str(JsonNode? root, string path) => Get(root, path)?.GetValue<string>();
}
