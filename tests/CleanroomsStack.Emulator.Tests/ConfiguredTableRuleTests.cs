using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>A configured table's own analysis rules: the three policy variants and their checks.</summary>
public sealed class ConfiguredTableRuleTests
{
    [Fact]
    public async Task Aggregation_rule_round_trips_and_names_only_allowed_columns()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var tableId = (await Scenario.TablesAsync(us))["households"];
        var path = $"/configuredTables/{tableId}/analysisRule";

        var created = (await us.PostAsync(path, Aggregation("value"))).Expect(HttpStatusCode.OK);
        Assert.Equal("SUM", created.Str("analysisRule.policy.v1.aggregation.aggregateColumns.0.function"));
        Assert.Equal(100, created.Node("analysisRule.policy.v1.aggregation.outputConstraints.0.minimum")!.GetValue<int>());
        var table = (await us.GetAsync($"/configuredTables/{tableId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["AGGREGATION", "CUSTOM"], table.Node("configuredTable.analysisRuleTypes")!.AsArray().Select(t => t!.GetValue<string>()));

        (await us.DeleteAsync($"{path}/AGGREGATION")).Expect(HttpStatusCode.NoContent);
        var unknownColumn = await us.PostAsync(path, Aggregation("income"));
        unknownColumn.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("INVALID_CONFIGURATION", unknownColumn.Str("reason"));
    }

    [Fact]
    public async Task Incomplete_aggregation_rule_lists_every_missing_member()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var tableId = (await Scenario.TablesAsync(us))["households"];
        var body = Aggregation("value");
        var variant = body["analysisRulePolicy"]!["v1"]!["aggregation"]!.AsObject();
        variant.Remove("scalarFunctions");
        variant.Remove("outputConstraints");
        variant["aggregateColumns"]![0]!["function"] = "MEDIAN";

        var response = await us.PostAsync($"/configuredTables/{tableId}/analysisRule", body);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        var fields = response.Node("fieldList")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([
            "analysisRulePolicy.v1.aggregation.aggregateColumns.0.function",
            "analysisRulePolicy.v1.aggregation.outputConstraints",
            "analysisRulePolicy.v1.aggregation.scalarFunctions",
        ], fields);
    }

    [Fact]
    public async Task A_second_rule_of_a_type_conflicts_and_the_table_cannot_be_deleted_while_shared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var tableId = (await Scenario.TablesAsync(us))["part_age"];
        var custom = new JsonObject
        {
            ["analysisRuleType"] = "CUSTOM",
            ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { ["custom"] = new JsonObject { ["allowedAnalyses"] = new JsonArray("ANY_QUERY") } } },
        };

        (await us.PostAsync($"/configuredTables/{tableId}/analysisRule", custom)).ExpectError(HttpStatusCode.Conflict, "ConflictException");
        var membershipId = await Scenario.JoinAsync(us);
        (await Scenario.AssociateAsync(us, membershipId, "acx_part_age", tableId)).Expect(HttpStatusCode.OK);
        var delete = await us.DeleteAsync($"/configuredTables/{tableId}");
        delete.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("SUBRESOURCES_EXIST", delete.Str("reason"));
    }

    private static JsonObject Aggregation(string column) => new()
    {
        ["analysisRuleType"] = "AGGREGATION",
        ["analysisRulePolicy"] = new JsonObject
        {
            ["v1"] = new JsonObject
            {
                ["aggregation"] = new JsonObject
                {
                    ["aggregateColumns"] = new JsonArray(new JsonObject { ["columnNames"] = new JsonArray(column), ["function"] = "SUM" }),
                    ["joinColumns"] = new JsonArray("customer_id"),
                    ["dimensionColumns"] = new JsonArray(),
                    ["scalarFunctions"] = new JsonArray("ROUND"),
                    ["outputConstraints"] = new JsonArray(new JsonObject { ["columnName"] = "customer_id", ["minimum"] = 100, ["type"] = "COUNT_DISTINCT" }),
                },
            },
        },
    };
}
