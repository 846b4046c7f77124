using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Tags by ARN (percent-encoded in the path) and ID mapping tables with their quota.</summary>
public sealed class TagAndMappingTableTests
{
    [Fact]
    public async Task Tags_are_set_listed_and_removed_by_encoded_arn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = "/tags/" + Uri.EscapeDataString($"arn:aws:cleanrooms:us-east-1:{TestEmulator.Us}:membership/{membershipId}");

        var tagged = (await us.PostAsync(path, new JsonObject { ["tags"] = new JsonObject { ["team"] = "data", ["env"] = "prod" } })).Expect(HttpStatusCode.OK);
        Assert.Equal("", tagged.RawBody);
        Assert.Equal("data", (await us.GetAsync(path)).Expect(HttpStatusCode.OK).Str("tags.team"));

        (await us.DeleteAsync(path + "?tagKeys=team&tagKeys=missing")).Expect(HttpStatusCode.OK);
        var after = (await us.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Null(after.Node("tags.team"));
        Assert.Equal("prod", after.Str("tags.env"));
    }

    [Fact]
    public async Task Tagging_another_accounts_resource_is_not_found()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        var ourTable = "/tags/" + Uri.EscapeDataString($"arn:aws:cleanrooms:us-east-1:{TestEmulator.Us}:configuredtable/00000000-0000-0000-0000-000000000000");

        (await partner.GetAsync(ourTable)).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        (await partner.GetAsync("/tags/" + Uri.EscapeDataString("not-an-arn"))).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
    }

    [Fact]
    public async Task Id_mapping_tables_are_limited_per_membership_and_block_leaving()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { IdMappingTablesPerMembership = 2 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var path = $"/memberships/{membershipId}/idmappingtables";
        JsonObject Table(string name) => new()
        {
            ["name"] = name,
            ["inputReferenceConfig"] = new JsonObject
            {
                ["inputReferenceArn"] = $"arn:aws:entityresolution:us-east-1:{TestEmulator.Us}:idmappingworkflow/acx-to-amc",
                ["manageResourcePolicies"] = true,
            },
        };

        var first = (await us.PostAsync(path, Table("map_one"))).Expect(HttpStatusCode.OK);
        (await us.PostAsync(path, Table("MAP_ONE"))).ExpectError(HttpStatusCode.Conflict, "ConflictException");
        (await us.PostAsync(path, Table("map_two"))).Expect(HttpStatusCode.OK);
        var over = await us.PostAsync(path, Table("map_three"));

        over.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal(2.0, over.Node("quotaValue")!.GetValue<double>());
        Assert.Equal(2, (await us.GetAsync(path)).Expect(HttpStatusCode.OK).Node("idMappingTableSummaries")!.AsArray().Count);
        (await us.DeleteAsync($"/memberships/{membershipId}")).ExpectError(HttpStatusCode.Conflict, "ConflictException");
        (await us.DeleteAsync($"{path}/{first.Str("idMappingTable.id")}")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Id_namespace_associations_per_membership_quota_is_enforced()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { IdNamespaceAssociationsPerMembership = 1 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var er = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "entityresolution");
        (await er.PostAsync("/idnamespaces", new JsonObject { ["idNamespaceName"] = "Second", ["type"] = "SOURCE" })).Expect(HttpStatusCode.OK);
        var membershipId = await Scenario.JoinAsync(us);
        JsonObject Association(string name, string arn) => new()
        {
            ["name"] = name,
            ["inputReferenceConfig"] = new JsonObject { ["inputReferenceArn"] = arn, ["manageResourcePolicies"] = true },
        };

        (await us.PostAsync($"/memberships/{membershipId}/idnamespaceassociations", Association("first", TestEmulator.IdNamespaceArn))).Expect(HttpStatusCode.OK);
        var over = await us.PostAsync($"/memberships/{membershipId}/idnamespaceassociations",
            Association("second", $"arn:aws:entityresolution:us-east-1:{TestEmulator.Us}:idnamespace/Second"));

        over.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal("ID namespace associations per membership", over.Str("quotaName"));
    }
}
