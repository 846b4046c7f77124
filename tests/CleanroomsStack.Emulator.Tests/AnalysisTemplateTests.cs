using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Analysis templates: SQL with parameters, only the description changes, unique names, 25 per membership.</summary>
public sealed class AnalysisTemplateTests
{
    private const string Sql = "SELECT COUNT(*) FROM acx_age WHERE age > :min_age";

    private static JsonObject Template(string name) => new()
    {
        ["name"] = name,
        ["format"] = "SQL",
        ["source"] = new JsonObject { ["text"] = Sql },
        ["schema"] = new JsonObject { ["referencedTables"] = new JsonArray("acx_age") },
        ["analysisParameters"] = new JsonArray(new JsonObject { ["name"] = "min_age", ["type"] = "INTEGER", ["defaultValue"] = "18" }),
    };

    [Fact]
    public async Task A_template_is_created_read_listed_described_and_deleted()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = new ManualClock() });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/analysistemplates";
        var body = Template("adults");
        body["description"] = "first";
        body["tags"] = new JsonObject { ["team"] = "data" };

        var created = (await us.PostAsync(path, body)).Expect(HttpStatusCode.OK);
        var id = created.Str("analysisTemplate.id");
        var arn = created.Str("analysisTemplate.arn");
        var got = (await us.GetAsync($"{path}/{id}")).Expect(HttpStatusCode.OK);
        var updated = (await us.PatchAsync($"{path}/{id}", new JsonObject { ["description"] = "second" })).Expect(HttpStatusCode.OK);
        var listed = (await us.GetAsync(path)).Expect(HttpStatusCode.OK).Node("analysisTemplateSummaries")!.AsArray().Single()!;

        Assert.Equal($"arn:aws:cleanrooms:us-east-1:{TestEmulator.Us}:membership/{membershipId}/analysistemplate/{id}", arn);
        Assert.Equal(Sql, got.Str("analysisTemplate.source.text"));
        Assert.Equal("SQL", got.Str("analysisTemplate.format"));
        Assert.Equal("acx_age", got.Str("analysisTemplate.schema.referencedTables.0"));
        Assert.Equal("INTEGER", got.Str("analysisTemplate.analysisParameters.0.type"));
        Assert.Equal("18", got.Str("analysisTemplate.analysisParameters.0.defaultValue"));
        Assert.Equal(TestEmulator.AmcCollaboration, got.Str("analysisTemplate.collaborationId"));
        Assert.Equal("second", updated.Str("analysisTemplate.description"));
        Assert.Equal(Sql, updated.Str("analysisTemplate.source.text"));
        Assert.True(updated.Node("analysisTemplate.updateTime")!.GetValue<double>() > got.Node("analysisTemplate.updateTime")!.GetValue<double>());
        Assert.Equal(updated.Node("analysisTemplate.updateTime")!.GetValue<double>(), listed["updateTime"]!.GetValue<double>());
        Assert.Null(listed["source"]);
        Assert.Equal("data", (await us.GetAsync("/tags/" + Uri.EscapeDataString(arn!))).Expect(HttpStatusCode.OK).Str("tags.team"));

        (await us.DeleteAsync($"{path}/{id}")).Expect(HttpStatusCode.NoContent);
        (await us.GetAsync($"{path}/{id}")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        (await us.GetAsync("/tags/" + Uri.EscapeDataString(arn!))).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Names_are_unique_per_membership_templates_are_limited_and_block_leaving()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { AnalysisTemplatesPerMembership = 2 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/analysistemplates";

        var first = (await us.PostAsync(path, Template("one"))).Expect(HttpStatusCode.OK);
        var clash = await us.PostAsync(path, Template("one"));
        (await us.PostAsync(path, Template("two"))).Expect(HttpStatusCode.OK);
        var over = await us.PostAsync(path, Template("three"));
        var page = (await us.GetAsync($"{path}?maxResults=1")).Expect(HttpStatusCode.OK);

        clash.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("ALREADY_EXISTS", clash.Str("reason"));
        Assert.Equal(first.Str("analysisTemplate.id"), clash.Str("resourceId"));
        over.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal("Analysis templates per membership", over.Str("quotaName"));
        Assert.Equal(2.0, over.Node("quotaValue")!.GetValue<double>());
        Assert.Single(page.Node("analysisTemplateSummaries")!.AsArray());
        Assert.NotNull(page.Str("nextToken"));
        (await us.DeleteAsync($"/memberships/{membershipId}")).ExpectError(HttpStatusCode.Conflict, "ConflictException");
    }

    [Fact]
    public async Task Bad_requests_are_validation_errors_naming_each_field()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/analysistemplates";
        var parameters = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["name"] = $"p{i}", ["type"] = "INT" }).ToArray());
        var bad = new JsonObject
        {
            ["name"] = "a-b",
            ["format"] = "CSV",
            ["source"] = new JsonObject(),
            ["analysisParameters"] = parameters,
        };
        var badParameter = Template("ok");
        badParameter["analysisParameters"] = new JsonArray(new JsonObject { ["name"] = "min age", ["type"] = "NUMBER" });
        var artifacts = Template("ok");
        artifacts["source"] = new JsonObject { ["artifacts"] = new JsonObject() };

        var invalid = await us.PostAsync(path, bad);
        var invalidParameter = await us.PostAsync(path, badParameter);

        invalid.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal(["analysisParameters", "format", "name", "source.text"], Fields(invalid));
        invalidParameter.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal(["analysisParameters.0.name", "analysisParameters.0.type"], Fields(invalidParameter));
        (await us.PostAsync(path, artifacts)).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        (await us.GetAsync($"{path}/not-an-id")).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        (await us.PatchAsync($"{path}/00000000-0000-4000-8000-000000000000", new JsonObject { ["description"] = "x" }))
            .ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    private static string[] Fields(AwsResponse response) =>
        [.. response.Node("fieldList")!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
