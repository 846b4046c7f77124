using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// What partners (and the owner of our configured tables, in the console) do behind the tool's back, to build the worlds
/// the checks of preview meet: a partner's table names in a collaboration, configured tables with LIST or AGGREGATION
/// rules, an invitation that makes our account pay for machine learning.
/// </summary>
internal static class PartnerActions
{
    /// <summary>A LIST rule over the demo tables' columns.</summary>
    public static JsonObject ListRule => new() { ["joinColumns"] = new JsonArray("customer_id"), ["listColumns"] = new JsonArray("value") };

    /// <summary>An AGGREGATION rule over the demo tables' columns.</summary>
    public static JsonObject AggregationRule => new()
    {
        ["aggregateColumns"] = new JsonArray(new JsonObject { ["columnNames"] = new JsonArray("value"), ["function"] = "COUNT" }),
        ["joinColumns"] = new JsonArray("customer_id"),
        ["dimensionColumns"] = new JsonArray(),
        ["scalarFunctions"] = new JsonArray(),
        ["outputConstraints"] = new JsonArray(new JsonObject { ["columnName"] = "customer_id", ["minimum"] = 2, ["type"] = "COUNT_DISTINCT" }),
    };

    /// <summary>The id of one of our demo account's configured tables.</summary>
    public static string OurTableId(string table) => DeterministicId.From($"configured-table/{DemoWorld.OurAccount}/{table}");

    /// <summary>Replaces one of our demo tables' CUSTOM rule with a rule of <paramref name="type"/> (a configured table has one rule).</summary>
    public static async Task ReplaceTableRuleAsync(this CliHarness cli, string table, string type, JsonObject policy)
    {
        var id = OurTableId(table);
        await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Delete, $"/configuredTables/{id}/analysisRule/CUSTOM");
        var rule = new JsonObject
        {
            ["analysisRuleType"] = type,
            ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { [type.ToLowerInvariant()] = policy } },
        };
        await cli.SendAsAsync(DemoWorld.OurAccount, "cleanrooms", HttpMethod.Post, $"/configuredTables/{id}/analysisRule", rule.ToJsonString());
    }

    /// <summary>
    /// AMC's membership in its collaboration gets an association named <paramref name="name"/> (over any configured table:
    /// only its name matters). Written into the state file, which a previous run must have saved.
    /// </summary>
    public static void GivePartnerATable(this CliHarness cli, string name)
    {
        var state = JsonNode.Parse(File.ReadAllText(cli.StateFile))!.AsObject();
        var amcMembership = state["memberships"]!.AsArray()
            .Single(m => (string)m!["accountId"]! == DemoWorld.AmcAccount && (string)m["collaborationId"]! == DemoWorld.AmcCollaborationId)!["id"]!.GetValue<string>();
        var anyTable = state["configuredTables"]!.AsArray()[0]!["id"]!.GetValue<string>();
        state["tableAssociations"]!.AsArray().Add(new JsonObject
        {
            ["id"] = DeterministicId.From($"partner-association/{name}"), ["membershipId"] = amcMembership, ["name"] = name, ["configuredTableId"] = anyTable,
            ["roleArn"] = $"arn:aws:iam::{DemoWorld.AmcAccount}:role/amc", ["createTime"] = 1796000000, ["updateTime"] = 1796000000, ["rules"] = new JsonArray(),
        });
        File.WriteAllText(cli.StateFile, state.ToJsonString());
    }

    /// <summary>The measurement partner creates a collaboration that makes us pay for model inference, and joins it; its id.</summary>
    public static async Task<string> InviteUsToPayForModelInferenceAsync(this CliHarness cli, string name)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["description"] = "model inference on our audiences", ["creatorDisplayName"] = "Measurement Partner",
            ["creatorMemberAbilities"] = new JsonArray("CAN_QUERY", "CAN_RECEIVE_RESULTS"), ["queryLogStatus"] = "DISABLED",
            ["members"] = new JsonArray(new JsonObject
            {
                ["accountId"] = DemoWorld.OurAccount, ["displayName"] = "ACX", ["memberAbilities"] = new JsonArray(),
                ["paymentConfiguration"] = new JsonObject
                {
                    ["queryCompute"] = new JsonObject { ["isResponsible"] = false },
                    ["machineLearning"] = new JsonObject { ["modelInference"] = new JsonObject { ["isResponsible"] = true } },
                },
            }),
        };
        await cli.SendAsAsync(DemoWorld.MeasurementAccount, "cleanrooms", HttpMethod.Post, "/collaborations", body.ToJsonString());
        string id = "";
        await cli.ChangeOutOfBandAsync(async api => id = (await api.ListCollaborationsAsync("INVITED", default)).Single(c => c.Name == name).Id);
        await cli.SendAsAsync(DemoWorld.MeasurementAccount, "cleanrooms", HttpMethod.Post, "/memberships",
            new JsonObject { ["collaborationIdentifier"] = id, ["queryLogStatus"] = "DISABLED" }.ToJsonString());
        return id;
    }
}
