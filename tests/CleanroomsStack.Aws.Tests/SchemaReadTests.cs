using CleanroomsStack.Engine.Ports;
using System.Text.Json.Nodes;
using CleanroomsStack.Aws.Schemas;
using CleanroomsStack.Aws.Tests.Support;

namespace CleanroomsStack.Aws.Tests;

public sealed class SchemaReadTests
{
    private const string CollaborationId = "27b93e2b-5001-4b20-a47b-6aad96ec8958";

    [Fact]
    public async Task Batch_get_splits_requests_into_batches_of_25_and_merges_rules_and_errors_in_order()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request =>
        {
            var names = JsonNode.Parse(request.Body)!["schemaAnalysisRuleRequests"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
            const string RuleTemplate = """{"collaborationId":"c","type":"LIST","name":"NAME","createTime":1,"updateTime":2,"collaborationPolicy":{"v1":{"list":{"allowedResultReceivers":["111122223333"]}}},"policy":{"v1":{"list":{"joinColumns":["id"]}}}}""";
            var rules = string.Join(",", names.Where(n => n != "t7").Select(n => RuleTemplate.Replace("NAME", n)));
            var errors = names.Contains("t7") ? """[{"name":"t7","type":"LIST","code":"ANALYSIS_RULE_NOT_FOUND","message":"none"}]""" : "[]";
            return CannedResponse.Json($$"""{"analysisRules":[{{rules}}],"errors":{{errors}}}""");
        });
        var api = (ICollaborationSchemaApi)TestClients.Create(server);
        var requests = Enumerable.Range(1, 30).Select(i => new SchemaAnalysisRuleRequest($"t{i}", "LIST")).ToList();

        var result = await api.BatchGetSchemaAnalysisRuleAsync(CollaborationId, requests, default);

        Assert.Equal([25, 5], server.Requests.Select(r => JsonNode.Parse(r.Body)!["schemaAnalysisRuleRequests"]!.AsArray().Count));
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i != 7).Select(i => $"t{i}"), result.AnalysisRules.Select(r => r.Name));
        Assert.Equal([new SchemaAnalysisRuleError("t7", "LIST", "ANALYSIS_RULE_NOT_FOUND", "none")], result.Errors);
        Assert.Equal(["111122223333"], result.AnalysisRules[0].CollaborationPolicy!.V1.List!.AllowedResultReceivers!);
        Assert.Equal("id", result.AnalysisRules[0].Policy!.Value.GetProperty("v1").GetProperty("list").GetProperty("joinColumns")[0].GetString());
    }

    [Fact]
    public async Task Batch_get_of_nothing_makes_no_call()
    {
        await using var server = await RecordingServer.StartAsync();

        var result = await ((ICollaborationSchemaApi)TestClients.Create(server)).BatchGetSchemaAnalysisRuleAsync(CollaborationId, [], default);

        Assert.Empty(result.AnalysisRules);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_schemas_reads_every_page()
    {
        await using var server = await RecordingServer.StartAsync();
        const string Schema = """{"name":"acx_a","type":"TABLE","creatorAccountId":"111122223333","createTime":1,"updateTime":2,"collaborationId":"c","collaborationArn":"arn:c","analysisRuleTypes":["LIST"],"analysisMethod":"DIRECT_QUERY"}""";
        server.RespondInSequence(
            CannedResponse.Json($$"""{"schemaSummaries":[{{Schema}}],"nextToken":"n"}"""),
            CannedResponse.Json($$"""{"schemaSummaries":[{{Schema.Replace("acx_a", "acx_b")}}]}"""));

        var schemas = await ((ICollaborationSchemaApi)TestClients.Create(server)).ListSchemasAsync(CollaborationId, null, default);

        Assert.Equal(["acx_a", "acx_b"], schemas.Select(s => s.Name));
        Assert.Equal(["LIST"], schemas[0].AnalysisRuleTypes);
    }
}
