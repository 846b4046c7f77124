using System.Net;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>The demo world the project ships, and worlds loaded from files.</summary>
public sealed class WorldTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"world-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Demo_world_has_our_tables_namespace_and_three_invitations()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var tables = await Scenario.TablesAsync(us);
        var parts = tables.Keys.Where(n => n.StartsWith("part_", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, parts.Count);
        Assert.Equal(28, parts.Count(n => n is not "part_n_a" and not "part_n_a_a"));
        Assert.Contains("households", tables.Keys);

        var table = (await us.GetAsync($"/configuredTables/{tables["part_age"]}")).Expect(HttpStatusCode.OK);
        Assert.Equal("omc_flywheel_prod", table.Str("configuredTable.tableReference.glue.databaseName"));
        Assert.Equal("CUSTOM", table.Str("configuredTable.analysisRuleTypes.0"));

        var amc = (await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}")).Expect(HttpStatusCode.OK);
        Assert.Equal("AMC Collaboration", amc.Str("collaboration.name"));
        Assert.Equal(TestEmulator.Amc, amc.Str("collaboration.creatorAccountId"));
        Assert.Equal("INVITED", amc.Str("collaboration.memberStatus"));
        Assert.Null(amc.Node("collaboration.membershipId"));

        var members = (await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/members")).Expect(HttpStatusCode.OK).Node("memberSummaries")!.AsArray();
        var creator = members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Amc)!;
        Assert.Equal(["CAN_QUERY", "CAN_RECEIVE_RESULTS"], creator["abilities"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(creator["paymentConfiguration"]!["queryCompute"]!["isResponsible"]!.GetValue<bool>());
        var ours = members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Us)!;
        Assert.Empty(ours["abilities"]!.AsArray());
        Assert.False(ours["paymentConfiguration"]!["queryCompute"]!["isResponsible"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Demo_world_timestamps_are_pinned_for_golden_outputs()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var er = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "entityresolution");

        var collaborations = (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK).Node("collaborationList")!.AsArray();
        var created = collaborations.Select(c => c!["createTime"]!.GetValue<double>()).ToList();
        var firstTable = (await us.GetAsync("/configuredTables?maxResults=1")).Expect(HttpStatusCode.OK);

        Assert.Equal([1735776000.0, 1735862400.0, 1735948800.0], created); // 2025-01-02, -03, -04 at 00:00Z
        Assert.Equal(1735689600.0 + 30 * 60, firstTable.Node("configuredTableSummaries.0.createTime")!.GetValue<double>()); // address_master, the 31st created
        Assert.Equal(1735689600.0, (await er.GetAsync("/idnamespaces/ACXIdNamespace")).Expect(HttpStatusCode.OK).Node("createdAt")!.GetValue<double>());
    }

    [Fact]
    public async Task Seeded_ids_and_timestamps_are_the_same_in_every_run()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();
        using var a = SignedClient.For(first.Endpoint, TestEmulator.Us);
        using var b = SignedClient.For(second.Endpoint, TestEmulator.Us);

        Assert.Equal((await a.GetAsync("/configuredTables")).RawBody, (await b.GetAsync("/configuredTables")).RawBody);
        Assert.Equal((await a.GetAsync("/collaborations")).RawBody, (await b.GetAsync("/collaborations")).RawBody);
    }

    [Fact]
    public async Task World_file_defines_accounts_and_their_keys()
    {
        await File.WriteAllTextAsync(_file, """
            { "accounts": [ { "accountId": "111122223333", "accessKeyId": "AKIAEXAMPLE", "secretAccessKey": "example-secret" } ] }
            """);
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { WorldFile = _file });
        using var client = new SignedClient(emulator.Endpoint, "AKIAEXAMPLE", "example-secret");
        using var demo = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        Assert.Empty((await client.GetAsync("/collaborations")).Expect(HttpStatusCode.OK).Node("collaborationList")!.AsArray());
        (await demo.GetAsync("/collaborations")).ExpectError(HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }

    [Fact]
    public async Task World_file_may_declare_rule_types_only_and_gets_default_rules()
    {
        await File.WriteAllTextAsync(_file, $$"""
            {
              "accounts": [ { "accountId": "{{TestEmulator.Us}}", "accessKeyId": "AKIAUS", "secretAccessKey": "s" } ],
              "configuredTables": [
                { "id": "00000000-0000-4000-9000-000000000001", "accountId": "{{TestEmulator.Us}}", "name": "t_alpha",
                  "glueDatabaseName": "db", "glueTableName": "t_alpha", "allowedColumns": ["id"], "analysisRuleTypes": ["CUSTOM", "LIST"] } ]
            }
            """);
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { WorldFile = _file });
        using var client = new SignedClient(emulator.Endpoint, "AKIAUS", "s");
        const string path = "/configuredTables/00000000-0000-4000-9000-000000000001";

        var table = (await client.GetAsync(path)).Expect(HttpStatusCode.OK);
        var custom = (await client.GetAsync($"{path}/analysisRule/CUSTOM")).Expect(HttpStatusCode.OK);
        var list = (await client.GetAsync($"{path}/analysisRule/LIST")).Expect(HttpStatusCode.OK);

        Assert.Equal(["CUSTOM", "LIST"], table.Node("configuredTable.analysisRuleTypes")!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("ANY_QUERY", custom.Str("analysisRule.policy.v1.custom.allowedAnalyses.0"));
        Assert.Equal("id", list.Str("analysisRule.policy.v1.list.joinColumns.0"));
        Assert.DoesNotContain("analysisRuleTypes", await emulator.GetStateJsonAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"accounts\": [] }", "\"accounts\" is empty")]
    [InlineData("{ \"acounts\": [] }", "acounts")]
    [InlineData("{ \"accounts\": [ { \"accountId\": \"12\", \"accessKeyId\": \"A\", \"secretAccessKey\": \"s\" } ] }", "not 12 digits")]
    [InlineData("{ \"accounts\": [], \"idMappingTables\": [ " + MappingTable + "\"x\", \"name\": \"a\" }, " + MappingTable + "\"y\", \"name\": \"A\" } ] }",
        "named 'A'")]
    public async Task Bad_world_file_names_the_problem(string json, string expected)
    {
        await File.WriteAllTextAsync(_file, json);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(new EmulatorOptions { WorldFile = _file }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(_file, error.Message, StringComparison.Ordinal);
    }

    private const string MappingTable =
        "{ \"membershipId\": \"m\", \"inputReferenceArn\": \"arn:aws:entityresolution:us-east-1:111122223333:idmappingworkflow/w\", \"id\": ";

    public void Dispose() => File.Delete(_file);
}
