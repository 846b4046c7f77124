using System.Text;
using System.Text.Json;
using CleanroomsStack.Core.Config;

namespace CleanroomsStack.Core.Schema;

/// <summary>
/// Generates the editor schema (JSON Schema draft 2020-12) for collaborations.yaml from <see cref="ConfigSchema"/>.
/// Named objects become <c>$defs</c> entries referred to by <c>$ref</c>; output is deterministic (fixed order, "\n").
/// </summary>
public static class JsonSchemaGenerator
{
    public static string Generate()
    {
        var definitions = new SortedDictionary<string, ObjectNode>(StringComparer.Ordinal);
        Collect(ConfigSchema.Root, definitions);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("title", "collaborations.yaml (cleanrooms-stack)");
            WriteObjectBody(json, ConfigSchema.Root);
            json.WriteStartObject("$defs");
            foreach (var (name, node) in definitions)
            {
                json.WriteStartObject(name);
                WriteObjectBody(json, node);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void Collect(SchemaNode node, IDictionary<string, ObjectNode> definitions)
    {
        switch (node)
        {
            case ObjectNode o:
                if (o.Name is { } name && !definitions.TryAdd(name, o) && !ReferenceEquals(definitions[name], o))
                    throw new InvalidOperationException($"two schema objects are named '{name}'");
                foreach (var property in o.Properties) Collect(property.Node, definitions);
                if (o.Values is { } values) Collect(values, definitions);
                break;
            case ArrayNode a: Collect(a.Items, definitions); break;
            case OneOfNode one: foreach (var alternative in one.Alternatives) Collect(alternative, definitions); break;
        }
    }

    private static void Write(Utf8JsonWriter json, SchemaNode node)
    {
        json.WriteStartObject();
        if (node is ObjectNode { Name: { } name })
        {
            json.WriteString("$ref", $"#/$defs/{name}");
            json.WriteEndObject();
            return;
        }
        switch (node)
        {
            case ObjectNode o: WriteObjectBody(json, o); break;
            case StringNode s: WriteString(json, s); break;
            case BoolNode b:
                json.WriteString("description", b.Description);
                json.WriteString("type", "boolean");
                break;
            case IntNode i:
                json.WriteString("description", i.Description);
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", i.Minimum);
                json.WriteNumber("maximum", i.Maximum);
                break;
            case ArrayNode a:
                json.WriteString("description", a.Description);
                json.WriteString("type", "array");
                json.WritePropertyName("items");
                Write(json, a.Items);
                if (a.MaxItems is { } max) json.WriteNumber("maxItems", max);
                break;
            case OneOfNode one:
                json.WriteString("description", one.Description);
                json.WriteStartArray("oneOf");
                foreach (var alternative in one.Alternatives) Write(json, alternative);
                json.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"no JSON Schema for {node.GetType().Name}");
        }
        json.WriteEndObject();
    }

    private static void WriteObjectBody(Utf8JsonWriter json, ObjectNode node)
    {
        json.WriteString("description", node.Description);
        json.WriteString("type", "object");
        if (node.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var property in node.Properties)
            {
                json.WritePropertyName(property.Key);
                Write(json, property.Node);
            }
            json.WriteEndObject();
        }
        var required = node.Properties.Where(p => p.Required).Select(p => p.Key).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var key in required) json.WriteStringValue(key);
            json.WriteEndArray();
        }
        if (node.KeyPattern is { } keyPattern)
        {
            json.WriteStartObject("propertyNames");
            json.WriteString("pattern", keyPattern);
            json.WriteEndObject();
        }
        if (node.MaxKeys is { } maxKeys) json.WriteNumber("maxProperties", maxKeys);
        json.WritePropertyName("additionalProperties");
        if (node.Values is { } values) Write(json, values);
        else json.WriteBooleanValue(false);
    }

    private static void WriteString(Utf8JsonWriter json, StringNode node)
    {
        json.WriteString("description", node.Description);
        if (node.DigitsMayBeUnquoted)
        {
            json.WriteStartArray("type");
            json.WriteStringValue("string");
            json.WriteStringValue("integer");
            json.WriteEndArray();
            json.WriteNumber("minimum", 100_000_000_000);
            json.WriteNumber("maximum", 999_999_999_999);
        }
        else
        {
            json.WriteString("type", "string");
        }
        if (node.Enum is { } values)
        {
            json.WriteStartArray("enum");
            foreach (var value in values) json.WriteStringValue(value);
            json.WriteEndArray();
        }
        if (node.Pattern is { } pattern) json.WriteString("pattern", pattern);
        if (node.MinLength is { } min) json.WriteNumber("minLength", min);
        if (node.MaxLength is { } max) json.WriteNumber("maxLength", max);
    }
}
