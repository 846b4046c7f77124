using System.Text.Json.Nodes;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Pulumi.Schema;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>The provider's resources and schema come from the kind registry.</summary>
public sealed class ProviderSchemaTests
{
    [Fact]
    public void Every_kind_of_the_registry_is_a_provider_resource_or_embedded_in_one()
    {
        var covered = ProviderResources.All.Select(r => r.Kind).Concat(ProviderResources.Embedded).ToHashSet();
        var missing = ResourceKinds.All.Where(k => !covered.Contains(k)).Select(k => k.AddressSegment).ToList();
        Assert.True(missing.Count == 0, $"kinds without a Pulumi provider resource: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_property_reference_names_a_type_the_schema_defines()
    {
        var schema = JsonNode.Parse(PackageSchema.Json)!.AsObject();
        var types = schema["types"]!.AsObject().Select(t => $"#/types/{t.Key}").ToHashSet();
        var refs = Descendants(schema).OfType<JsonObject>().Select(o => o["$ref"]?.GetValue<string>())
            .OfType<string>().Where(r => r.StartsWith("#/types/", StringComparison.Ordinal));
        Assert.All(refs, r => Assert.Contains(r, types));
    }

    [Fact]
    public void Inputs_have_unique_names_and_outputs_add_only_what_AWS_computes()
    {
        foreach (var resource in ProviderResources.All)
        {
            var names = resource.Inputs.Concat(resource.ComputedOutputs).Select(p => p.Key).ToList();
            Assert.True(names.Count == names.Distinct().Count(), $"{resource.Token} names a property twice: {string.Join(", ", names)}");
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };
}
