using System.Text.Json.Nodes;

namespace CleanroomsStack.Pulumi.Schema;

/// <summary>The getCollaborations function: collaborations.yaml expanded by our engine, for a program to loop over.</summary>
public static class GetCollaborationsFunction
{
    public const string Token = $"{ProviderResource.Package}:index:getCollaborations";

    public static JsonObject Schema() => new()
    {
        ["description"] = "Reads collaborations.yaml (config text or configFile path) and returns the desired state our engine expands from it: per collaboration its id, name, membership settings, the selected tables with their association names and rules, ID namespace associations, ID mapping tables and analysis templates.",
        ["inputs"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["config"] = new JsonObject { ["type"] = "string", ["description"] = "The YAML text of collaborations.yaml." },
                ["configFile"] = new JsonObject { ["type"] = "string", ["description"] = "A path to collaborations.yaml (used when config is not given)." },
            },
        },
        ["outputs"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["collaborations"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["$ref"] = "pulumi.json#/Any" },
                    ["description"] = "One object per collaboration (id, name, membership, tableAssociations, idNamespaceAssociations, idMappingTables, analysisTemplates).",
                },
            },
            ["required"] = new JsonArray("collaborations"),
        },
    };
}
