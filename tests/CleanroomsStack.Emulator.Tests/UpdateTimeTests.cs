using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>
/// Every update moves the resource's updateTime as its list summary shows it, in milliseconds like AWS's fractional
/// epoch seconds: the tool's read cache reuses a Get while the listed updateTime is unchanged.
/// </summary>
public sealed class UpdateTimeTests
{
    [Fact]
    public async Task Each_update_moves_the_listed_update_time_even_when_the_clock_stands_still()
    {
        // A clock that never moves: two updates land in the same millisecond, the hardest case for a cache.
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = new ManualClock() });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tableId = (await Scenario.TablesAsync(us))["part_age"];
        var associationId = (await Scenario.AssociateAsync(us, membershipId, "acx_age", tableId)).Expect(HttpStatusCode.OK).Str("configuredTableAssociation.id");
        var idNamespaceAssociationId = (await us.PostAsync($"/memberships/{membershipId}/idnamespaceassociations", new JsonObject
        {
            ["name"] = "ids",
            ["inputReferenceConfig"] = new JsonObject { ["inputReferenceArn"] = TestEmulator.IdNamespaceArn, ["manageResourcePolicies"] = true },
        })).Expect(HttpStatusCode.OK).Str("idNamespaceAssociation.id");
        var mappingTableId = (await us.PostAsync($"/memberships/{membershipId}/idmappingtables", new JsonObject
        {
            ["name"] = "map_one",
            ["inputReferenceConfig"] = new JsonObject
            {
                ["inputReferenceArn"] = $"arn:aws:entityresolution:us-east-1:{TestEmulator.Us}:idmappingworkflow/acx-to-amc",
                ["manageResourcePolicies"] = true,
            },
        })).Expect(HttpStatusCode.OK).Str("idMappingTable.id");

        var resources = new (string List, string Summaries, string Id, string Update, JsonObject Change)[]
        {
            ("/memberships", "membershipSummaries", membershipId, $"/memberships/{membershipId}", new() { ["queryLogStatus"] = "DISABLED" }),
            ($"/memberships/{membershipId}/configuredTableAssociations", "configuredTableAssociationSummaries", associationId!,
                $"/memberships/{membershipId}/configuredTableAssociations/{associationId}", new() { ["description"] = "changed" }),
            ($"/memberships/{membershipId}/idnamespaceassociations", "idNamespaceAssociationSummaries", idNamespaceAssociationId!,
                $"/memberships/{membershipId}/idnamespaceassociations/{idNamespaceAssociationId}", new() { ["description"] = "changed" }),
            ($"/memberships/{membershipId}/idmappingtables", "idMappingTableSummaries", mappingTableId!,
                $"/memberships/{membershipId}/idmappingtables/{mappingTableId}", new() { ["kmsKeyArn"] = "arn:aws:kms:us-east-1:239083076653:key/k1" }),
        };
        foreach (var r in resources)
        {
            var before = await ListedUpdateTimeAsync(us, r.List, r.Summaries, r.Id);
            var updated = (await us.PatchAsync(r.Update, r.Change)).Expect(HttpStatusCode.OK);
            var after = await ListedUpdateTimeAsync(us, r.List, r.Summaries, r.Id);
            (await us.PatchAsync(r.Update, r.Change)).Expect(HttpStatusCode.OK);
            var again = await ListedUpdateTimeAsync(us, r.List, r.Summaries, r.Id);

            Assert.True(after > before, $"{r.Update}: updateTime stayed {before}");
            Assert.True(again > after, $"{r.Update}: a second update in the same millisecond kept {after}");
            Assert.Equal(after, Math.Round(after, 3)); // milliseconds, as AWS's fractional epoch seconds
            Assert.Equal(after, updated.Json.Single().Value!["updateTime"]!.GetValue<double>());
        }
    }

    [Fact]
    public async Task An_id_mapping_table_update_changes_only_what_it_names()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/idmappingtables";
        var id = (await us.PostAsync(path, new JsonObject
        {
            ["name"] = "map_one",
            ["description"] = "first",
            ["inputReferenceConfig"] = new JsonObject
            {
                ["inputReferenceArn"] = $"arn:aws:entityresolution:us-east-1:{TestEmulator.Us}:idmappingworkflow/acx-to-amc",
                ["manageResourcePolicies"] = true,
            },
        })).Expect(HttpStatusCode.OK).Str("idMappingTable.id");

        (await us.PatchAsync($"{path}/{id}", new JsonObject { ["kmsKeyArn"] = "arn:aws:kms:us-east-1:239083076653:key/k1" })).Expect(HttpStatusCode.OK);
        var table = (await us.GetAsync($"{path}/{id}")).Expect(HttpStatusCode.OK);

        Assert.Equal("first", table.Str("idMappingTable.description"));
        Assert.Equal("arn:aws:kms:us-east-1:239083076653:key/k1", table.Str("idMappingTable.kmsKeyArn"));
        (await us.PatchAsync($"{path}/{id}", new JsonObject { ["kmsKeyArn"] = "not-a-key" })).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        (await us.PatchAsync($"{path}/00000000-0000-0000-0000-000000000000", new JsonObject { ["description"] = "x" }))
            .ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    private static async Task<double> ListedUpdateTimeAsync(SignedClient client, string list, string summaries, string id)
    {
        var response = (await client.GetAsync(list)).Expect(HttpStatusCode.OK);
        var summary = response.Node(summaries)!.AsArray().Single(s => s!["id"]!.GetValue<string>() == id);
        return summary!["updateTime"]!.GetValue<double>();
    }
}
