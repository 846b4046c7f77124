using System.Net;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>Common steps of our account's workflow, written once for the tests that build on them.</summary>
public static class Scenario
{
    public static async Task<string> JoinAsync(SignedClient client, string collaborationId = TestEmulator.AmcCollaboration)
    {
        var response = await client.PostAsync("/memberships",
            new JsonObject { ["collaborationIdentifier"] = collaborationId, ["queryLogStatus"] = "ENABLED" });
        return response.Expect(HttpStatusCode.OK).Str("membership.id")!;
    }

    /// <summary>The names ListConfiguredTables hands out page by page, following nextToken, repeats included.</summary>
    public static async Task<List<string>> TableNamesPageByPageAsync(SignedClient client, int pageSize)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var query = $"/configuredTables?maxResults={pageSize}" + (token is null ? "" : "&nextToken=" + Uri.EscapeDataString(token));
            var page = (await client.GetAsync(query)).Expect(HttpStatusCode.OK);
            names.AddRange(page.Node("configuredTableSummaries")!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
            token = page.Str("nextToken");
        }
        while (token is not null);
        return names;
    }

    /// <summary>Our configured tables by name, read through ListConfiguredTables.</summary>
    public static async Task<Dictionary<string, string>> TablesAsync(SignedClient client)
    {
        var response = (await client.GetAsync("/configuredTables?maxResults=100")).Expect(HttpStatusCode.OK);
        return response.Node("configuredTableSummaries")!.AsArray()
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["id"]!.GetValue<string>());
    }

    public static Task<AwsResponse> AssociateAsync(SignedClient client, string membershipId, string name, string tableId) =>
        client.PostAsync($"/memberships/{membershipId}/configuredTableAssociations", new JsonObject
        {
            ["name"] = name,
            ["configuredTableIdentifier"] = tableId,
            ["roleArn"] = TestEmulator.RoleArn,
        });

    public static Task<AwsResponse> AddRuleAsync(SignedClient client, string membershipId, string associationId, string type, string variant, params string[] receivers) =>
        client.PostAsync($"/memberships/{membershipId}/configuredTableAssociations/{associationId}/analysisRule", new JsonObject
        {
            ["analysisRuleType"] = type,
            ["analysisRulePolicy"] = new JsonObject
            {
                ["v1"] = new JsonObject
                {
                    [variant] = new JsonObject { ["allowedResultReceivers"] = new JsonArray(receivers.Select(r => (JsonNode)r).ToArray()) },
                },
            },
        });
}
