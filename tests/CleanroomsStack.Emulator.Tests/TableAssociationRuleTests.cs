using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Configured table associations and their collaboration analysis rules.</summary>
public sealed class TableAssociationRuleTests
{
    [Fact]
    public async Task Association_name_is_stored_lowercase_and_duplicates_clash_case_insensitively()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tables = await Scenario.TablesAsync(us);

        var created = (await Scenario.AssociateAsync(us, membershipId, "ACX_Part_Age", tables["part_age"])).Expect(HttpStatusCode.OK);
        Assert.Equal("acx_part_age", created.Str("configuredTableAssociation.name"));
        Assert.Equal(tables["part_age"], created.Str("configuredTableAssociation.configuredTableId"));
        Assert.Null(created.Node("configuredTableAssociation.analysisRuleTypes"));

        var duplicate = await Scenario.AssociateAsync(us, membershipId, "acx_part_age", tables["part_income"]);
        duplicate.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("ALREADY_EXISTS", duplicate.Str("reason"));
        Assert.Equal(created.Str("configuredTableAssociation.id"), duplicate.Str("resourceId"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_yield_exactly_one_association()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tables = (await Scenario.TablesAsync(us)).Values.Take(10).ToList();

        var responses = await Task.WhenAll(tables.Select(id => Scenario.AssociateAsync(us, membershipId, "acx_same", id)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(9, responses.Count(r => r.ErrorType == "ConflictException"));
        var listed = (await us.GetAsync($"/memberships/{membershipId}/configuredTableAssociations")).Expect(HttpStatusCode.OK);
        Assert.Single(listed.Node("configuredTableAssociationSummaries")!.AsArray());
    }

    [Theory]
    [InlineData("a-b")]
    [InlineData("ab--c")]
    [InlineData("-ab")]
    [InlineData("a.b")]
    public async Task Association_name_must_match_the_table_alias_pattern(string name)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tables = await Scenario.TablesAsync(us);

        var response = await Scenario.AssociateAsync(us, membershipId, name, tables["part_age"]);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("name", response.Str("fieldList.0.name"));
    }

    [Fact]
    public async Task Unknown_configured_table_is_not_found()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        const string unknown = "99999999-9999-4999-8999-999999999999";

        var response = await Scenario.AssociateAsync(us, membershipId, "acx_x", unknown);

        response.ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.Equal("CONFIGURED_TABLE", response.Str("resourceType"));
        Assert.Equal(unknown, response.Str("resourceId"));
    }

    [Fact]
    public async Task The_26th_association_exceeds_the_quota_of_25()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        var tables = (await Scenario.TablesAsync(us)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

        foreach (var (name, id) in tables.Take(25))
            (await Scenario.AssociateAsync(us, membershipId, $"acx_{name}", id)).Expect(HttpStatusCode.OK);
        var over = await Scenario.AssociateAsync(us, membershipId, $"acx_{tables[25].Key}", tables[25].Value);

        over.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal("Configured table associations per membership", over.Str("quotaName"));
        Assert.Equal(25.0, over.Node("quotaValue")!.GetValue<double>());
    }

    [Fact]
    public async Task Rule_is_listed_on_its_association_and_a_second_rule_of_the_type_conflicts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var (membershipId, associationId) = await AssociateAgeAsync(us);

        var rule = (await Scenario.AddRuleAsync(us, membershipId, associationId, "CUSTOM", "custom", TestEmulator.Amc)).Expect(HttpStatusCode.OK);
        Assert.Equal(membershipId, rule.Str("analysisRule.membershipIdentifier"));
        Assert.Equal(TestEmulator.Amc, rule.Str("analysisRule.policy.v1.custom.allowedResultReceivers.0"));

        var association = (await us.GetAsync($"/memberships/{membershipId}/configuredTableAssociations/{associationId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("CUSTOM", association.Str("configuredTableAssociation.analysisRuleTypes.0"));

        var again = await Scenario.AddRuleAsync(us, membershipId, associationId, "CUSTOM", "custom", TestEmulator.Amc);
        again.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal("ALREADY_EXISTS", again.Str("reason"));
    }

    [Fact]
    public async Task Policy_variant_must_match_the_rule_type()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var (membershipId, associationId) = await AssociateAgeAsync(us);

        var response = await Scenario.AddRuleAsync(us, membershipId, associationId, "CUSTOM", "list", TestEmulator.Amc);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("analysisRulePolicy.v1", response.Str("fieldList.0.name"));
    }

    [Fact]
    public async Task Result_receivers_must_be_members_that_can_receive_results()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var (membershipId, associationId) = await AssociateAgeAsync(us);

        var response = await Scenario.AddRuleAsync(us, membershipId, associationId, "CUSTOM", "custom", TestEmulator.Us);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("INVALID_CONFIGURATION", response.Str("reason"));
    }

    [Fact]
    public async Task Rule_type_goes_in_the_path_for_get_update_and_delete()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var (membershipId, associationId) = await AssociateAgeAsync(us);
        var path = $"/memberships/{membershipId}/configuredTableAssociations/{associationId}/analysisRule";
        await Scenario.AddRuleAsync(us, membershipId, associationId, "CUSTOM", "custom", TestEmulator.Amc);

        var updated = await us.PatchAsync($"{path}/CUSTOM", new JsonObject
        {
            ["analysisRulePolicy"] = new JsonObject
            {
                ["v1"] = new JsonObject { ["custom"] = new JsonObject { ["allowedResultReceivers"] = new JsonArray(TestEmulator.Amc, TestEmulator.Retail) } },
            },
        });
        Assert.Equal(2, updated.Expect(HttpStatusCode.OK).Node("analysisRule.policy.v1.custom.allowedResultReceivers")!.AsArray().Count);

        (await us.GetAsync($"{path}/LIST")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
        (await us.GetAsync($"{path}/BOGUS")).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        (await us.DeleteAsync($"{path}/CUSTOM")).Expect(HttpStatusCode.NoContent);
        (await us.GetAsync($"{path}/CUSTOM")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Id_namespace_association_needs_an_owned_namespace_and_a_unique_name()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);
        JsonObject Body(string arn) => new()
        {
            ["name"] = "ACXIdNamespace",
            ["inputReferenceConfig"] = new JsonObject { ["inputReferenceArn"] = arn, ["manageResourcePolicies"] = true },
            ["idMappingConfig"] = new JsonObject { ["allowUseAsDimensionColumn"] = false },
        };
        var path = $"/memberships/{membershipId}/idnamespaceassociations";

        var created = (await us.PostAsync(path, Body(TestEmulator.IdNamespaceArn))).Expect(HttpStatusCode.OK);
        Assert.Equal("SOURCE", created.Str("idNamespaceAssociation.inputReferenceProperties.idNamespaceType"));
        Assert.False(created.Node("idNamespaceAssociation.idMappingConfig.allowUseAsDimensionColumn")!.GetValue<bool>());

        (await us.PostAsync(path, Body(TestEmulator.IdNamespaceArn))).ExpectError(HttpStatusCode.Conflict, "ConflictException");
        var foreign = await us.PostAsync(path, Body("arn:aws:entityresolution:us-east-1:921290734397:idnamespace/Other"));
        foreign.ExpectError(HttpStatusCode.BadRequest, "ValidationException");

        var id = created.Str("idNamespaceAssociation.id");
        var renamed = (await us.PatchAsync($"{path}/{id}", new JsonObject { ["name"] = "renamed" })).Expect(HttpStatusCode.OK);
        Assert.Equal("renamed", renamed.Str("idNamespaceAssociation.name"));
        (await us.DeleteAsync($"{path}/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Empty((await us.GetAsync(path)).Expect(HttpStatusCode.OK).Node("idNamespaceAssociationSummaries")!.AsArray());
    }

    private static async Task<(string MembershipId, string AssociationId)> AssociateAgeAsync(SignedClient us)
    {
        var membershipId = await Scenario.JoinAsync(us);
        var tables = await Scenario.TablesAsync(us);
        var association = (await Scenario.AssociateAsync(us, membershipId, "acx_part_age", tables["part_age"])).Expect(HttpStatusCode.OK);
        return (membershipId, association.Str("configuredTableAssociation.id")!);
    }
}
