using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Pulumi.Hosting;

namespace CleanroomsStack.Pulumi.Schema;

/// <summary>
/// The Pulumi package schema GetSchema returns, generated from <see cref="ProviderResources"/> (and so from the kind
/// registry): resources with input and output properties, the object types they use, the getCollaborations function,
/// the provider's config and the C# language section an SDK generator reads.
/// </summary>
public static class PackageSchema
{
    public static string Version { get; } =
        typeof(PackageSchema).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Json { get; } = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Build()
    {
        var types = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var resources = new JsonObject();
        foreach (var resource in ProviderResources.All)
        {
            var inputs = Properties(resource.Inputs, types);
            var outputs = Properties([.. resource.Inputs, .. resource.ComputedOutputs], types);
            resources[resource.Token] = new JsonObject
            {
                ["description"] = resource.Description,
                ["inputProperties"] = inputs,
                ["requiredInputs"] = new JsonArray([.. resource.RequiredInputs.Select(k => JsonValue.Create(k))]),
                ["properties"] = outputs,
                ["required"] = new JsonArray([.. resource.RequiredInputs.Concat(resource.ComputedOutputs.Select(p => p.Key)).Select(k => JsonValue.Create(k))]),
            };
        }
        return new JsonObject
        {
            ["name"] = ProviderResource.Package,
            ["displayName"] = "CleanroomsStack",
            ["version"] = Version,
            ["description"] = "AWS Clean Rooms memberships managed declaratively: accept invitations, associate tables with their analysis rules, ID namespaces and mapping tables, with leave protection.",
            ["keywords"] = new JsonArray("aws", "cleanrooms", "category/cloud", "kind/native"),
            ["config"] = new JsonObject { ["variables"] = ConfigVariables() },
            ["provider"] = new JsonObject { ["inputProperties"] = ConfigVariables() },
            ["resources"] = resources,
            ["functions"] = new JsonObject { [GetCollaborationsFunction.Token] = GetCollaborationsFunction.Schema() },
            ["types"] = new JsonObject([.. types.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]),
            ["language"] = new JsonObject
            {
                ["csharp"] = new JsonObject
                {
                    ["rootNamespace"] = "CleanroomsStack",
                    ["namespaces"] = new JsonObject { [ProviderResource.Package] = "Pulumi" },
                    ["packageReferences"] = new JsonObject { ["Pulumi"] = "3.*" },
                },
            },
        };
    }

    private static JsonObject ConfigVariables() => new()
    {
        ["region"] = Text("The AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region), as the CLI's --region."),
        ["profile"] = Text("A named profile from the shared AWS config and credentials files, as the CLI's --profile."),
        ["endpointUrl"] = Text("Send every AWS call to this URL (e.g. the local emulator), as the CLI's --endpoint-url."),
        ["maxRps"] = new JsonObject { ["type"] = "number", ["description"] = "Requests per second per AWS operation, as the CLI's --max-rps." },
    };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Properties(IEnumerable<SchemaProperty> properties, IDictionary<string, JsonNode> types)
    {
        var result = new JsonObject();
        foreach (var property in properties) result[property.Key] = TypeOf(property.Key, property.Node, types);
        return result;
    }

    /// <summary>A property's Pulumi type spec; objects with a closed set of keys become named types (Pulumi has no inline object types).</summary>
    private static JsonObject TypeOf(string key, SchemaNode node, IDictionary<string, JsonNode> types)
    {
        var spec = node switch
        {
            StringNode s => new JsonObject { ["type"] = "string" }.With("description", s.Enum is null ? s.Description : $"{s.Description} One of: {string.Join(", ", s.Enum)}."),
            BoolNode => new JsonObject { ["type"] = "boolean" },
            IntNode => new JsonObject { ["type"] = "integer" },
            ArrayNode a => new JsonObject { ["type"] = "array", ["items"] = TypeOf(key, a.Items, types) },
            ObjectNode { Values: { } values } => new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeOf(key, values, types) },
            ObjectNode o => new JsonObject { ["$ref"] = $"#/types/{NamedType(key, o, types)}" },
            OneOfNode one => new JsonObject { ["oneOf"] = new JsonArray([.. one.Alternatives.Select(a => (JsonNode)TypeOf(key, a, types))]) },
            _ => throw new InvalidOperationException($"no Pulumi type for a {node.GetType().Name}"),
        };
        if (!spec.ContainsKey("description")) spec["description"] = node.Description;
        return spec;
    }

    private static string NamedType(string key, ObjectNode node, IDictionary<string, JsonNode> types)
    {
        var name = node.Name ?? key;
        var token = $"{ProviderResource.Package}:index:{char.ToUpperInvariant(name[0])}{name[1..]}";
        if (!types.ContainsKey(token))
        {
            types[token] = new JsonObject(); // placeholder first: a type may refer to itself
            types[token] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = node.Description,
                ["properties"] = Properties(node.Properties, types),
                ["required"] = new JsonArray([.. node.Properties.Where(p => p.Required).Select(p => JsonValue.Create(p.Key))]),
            };
        }
        return token;
    }

    private static JsonObject With(this JsonObject node, string key, string value)
    {
        node[key] = value;
        return node;
    }
}
