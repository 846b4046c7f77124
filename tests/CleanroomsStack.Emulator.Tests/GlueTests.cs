using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Glue speaks awsJson 1.1: X-Amz-Target, PascalCase members, <c>__type</c> + <c>Message</c> errors.</summary>
public sealed class GlueTests
{
    [Fact]
    public async Task Errors_carry_type_and_capital_message_in_the_body()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var glue = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "glue");

        var missing = await CallAsync(glue, "GetTable", new JsonObject { ["DatabaseName"] = "omc_flywheel_prod", ["Name"] = "nope" });
        var wrongType = await CallAsync(glue, "CreateDatabase", new JsonObject
        {
            ["DatabaseInput"] = new JsonObject { ["Name"] = "x", ["Description"] = 5 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("EntityNotFoundException", missing.Str("__type"));
        Assert.Contains("nope", missing.Str("Message"), StringComparison.Ordinal);
        Assert.Equal("InvalidInputException", wrongType.Str("__type"));
        Assert.Contains("Description", wrongType.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_tables_pages_with_max_results_and_next_token_in_the_body()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var glue = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "glue");

        var names = new List<string>();
        string? token = null;
        do
        {
            var body = new JsonObject { ["DatabaseName"] = "omc_flywheel_prod", ["Expression"] = "part_*", ["MaxResults"] = 8 };
            if (token is not null) body["NextToken"] = token;
            var page = (await CallAsync(glue, "GetTables", body)).Expect(HttpStatusCode.OK);
            names.AddRange(page.Node("TableList")!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
            token = page.Str("NextToken");
        }
        while (token is not null);

        Assert.Equal(30, names.Count);
        Assert.All(names, n => Assert.StartsWith("part_", n, StringComparison.Ordinal));
    }

    private static Task<AwsResponse> CallAsync(SignedClient glue, string operation, JsonObject body) =>
        glue.SendAsync(HttpMethod.Post, "/", body, "application/x-amz-json-1.1", $"AWSGlue.{operation}");
}
