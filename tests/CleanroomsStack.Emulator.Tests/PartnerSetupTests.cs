using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Any scenario can be built through the API itself: collaborations, Glue tables, configured tables, rules.</summary>
public sealed class PartnerSetupTests
{
    [Fact]
    public async Task A_partner_creates_a_collaboration_and_the_invitee_sees_the_invitation()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var created = (await partner.PostAsync("/collaborations", NewCollaboration())).Expect(HttpStatusCode.OK);
        var id = created.Str("collaboration.id")!;
        Assert.Equal("INVITED", created.Str("collaboration.memberStatus"));
        Assert.Equal(TestEmulator.Measurement, created.Str("collaboration.creatorAccountId"));

        var invitations = (await us.GetAsync("/collaborations?memberStatus=INVITED")).Expect(HttpStatusCode.OK);
        Assert.Contains(invitations.Node("collaborationList")!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        var members = (await us.GetAsync($"/collaborations/{id}/members")).Expect(HttpStatusCode.OK).Node("memberSummaries")!.AsArray();
        var creator = members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Measurement)!;
        Assert.True(creator["paymentConfiguration"]!["queryCompute"]!["isResponsible"]!.GetValue<bool>());

        (await partner.PostAsync("/memberships", new JsonObject { ["collaborationIdentifier"] = id, ["queryLogStatus"] = "ENABLED" }))
            .Expect(HttpStatusCode.OK);
        await Scenario.JoinAsync(us, id);
    }

    [Fact]
    public async Task A_payer_that_cannot_query_must_accept_payment_explicitly()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var id = await InviteUsAsync(partner, Payment(query: true, inference: null));

        (await us.PostAsync("/memberships", Join(id, null))).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        (await us.PostAsync("/memberships", Join(id, Payment(query: false, inference: null)))).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        var joined = (await us.PostAsync("/memberships", Join(id, Payment(query: true, inference: null)))).Expect(HttpStatusCode.OK);

        Assert.True(joined.Node("membership.paymentConfiguration.queryCompute.isResponsible")!.GetValue<bool>());
    }

    [Fact]
    public async Task A_member_made_to_pay_for_model_inference_must_accept_exactly_that()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var id = await InviteUsAsync(partner, Payment(query: false, inference: true));

        var members = (await us.GetAsync($"/collaborations/{id}/members")).Expect(HttpStatusCode.OK).Node("memberSummaries")!.AsArray();
        var ours = members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Us)!["paymentConfiguration"]!;
        var creators = members.Single(m => m!["accountId"]!.GetValue<string>() == TestEmulator.Measurement)!["paymentConfiguration"]!;
        Assert.True(ours["machineLearning"]!["modelInference"]!["isResponsible"]!.GetValue<bool>());
        Assert.False(creators["machineLearning"]!["modelInference"]!["isResponsible"]!.GetValue<bool>());
        Assert.Null(ours["machineLearning"]!["modelTraining"]); // the creator assigned no one: not reported
        Assert.False(ours["queryCompute"]!["isResponsible"]!.GetValue<bool>());

        var silent = await us.PostAsync("/memberships", Join(id, null));
        silent.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Contains("pay for model inference", silent.Str("message"), StringComparison.Ordinal);
        var contradicting = await us.PostAsync("/memberships", Join(id, Payment(query: false, inference: false)));
        contradicting.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("INVALID_CONFIGURATION", contradicting.Str("reason"));
        Assert.StartsWith("paymentConfiguration.machineLearning.modelInference.isResponsible must be true", contradicting.Str("message"), StringComparison.Ordinal);
        (await us.PostAsync("/memberships", Join(id, Payment(query: false, inference: null)))).ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        var joined = (await us.PostAsync("/memberships", Join(id, Payment(query: false, inference: true)))).Expect(HttpStatusCode.OK);

        Assert.True(joined.Node("membership.paymentConfiguration.machineLearning.modelInference.isResponsible")!.GetValue<bool>());
    }

    /// <summary>The measurement partner's collaboration, in which the creator assigned our account <paramref name="payment"/>; its id.</summary>
    private static async Task<string> InviteUsAsync(SignedClient partner, JsonObject payment)
    {
        var body = NewCollaboration();
        body["members"]![0]!["paymentConfiguration"] = payment;
        return (await partner.PostAsync("/collaborations", body)).Expect(HttpStatusCode.OK).Str("collaboration.id")!;
    }

    /// <summary>CreateMembership's body, with <paramref name="payment"/> when there is one.</summary>
    private static JsonObject Join(string id, JsonObject? payment)
    {
        var body = new JsonObject { ["collaborationIdentifier"] = id, ["queryLogStatus"] = "ENABLED" };
        if (payment is not null) body["paymentConfiguration"] = payment;
        return body;
    }

    [Fact]
    public async Task Two_payers_of_one_machine_learning_cost_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);
        var body = NewCollaboration();
        body["creatorPaymentConfiguration"] = Payment(query: true, inference: true);
        body["members"]![0]!["paymentConfiguration"] = Payment(query: false, inference: true);

        var response = await partner.PostAsync("/collaborations", body);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("Only one member can be responsible for model inference costs.", response.Str("message"));
    }

    private static JsonObject Payment(bool query, bool? inference)
    {
        var payment = new JsonObject { ["queryCompute"] = new JsonObject { ["isResponsible"] = query } };
        if (inference is { } pays)
            payment["machineLearning"] = new JsonObject { ["modelInference"] = new JsonObject { ["isResponsible"] = pays } };
        return payment;
    }

    [Fact]
    public async Task Configured_tables_per_account_quota_is_enforced()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Quotas = new EmulatorQuotas { ConfiguredTablesPerAccount = 34 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var body = new JsonObject
        {
            ["name"] = "one_more",
            ["tableReference"] = new JsonObject { ["glue"] = new JsonObject { ["databaseName"] = "omc_flywheel_prod", ["tableName"] = "households" } },
            ["allowedColumns"] = new JsonArray("customer_id"),
            ["analysisMethod"] = "DIRECT_QUERY",
        };

        var over = await us.PostAsync("/configuredTables", body);

        over.ExpectError((HttpStatusCode)402, "ServiceQuotaExceededException");
        Assert.Equal("Configured tables per account", over.Str("quotaName"));
    }

    [Fact]
    public async Task Two_members_that_can_query_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Measurement);
        var body = NewCollaboration();
        body["members"]![0]!["memberAbilities"] = new JsonArray("CAN_QUERY");

        var response = await partner.PostAsync("/collaborations", body);

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal("INVALID_CONFIGURATION", response.Str("reason"));
    }

    [Fact]
    public async Task Our_account_builds_a_configured_table_over_a_glue_table_and_shares_it()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var glue = SignedClient.For(emulator.Endpoint, TestEmulator.Us, "glue");
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);

        (await GlueAsync(glue, "CreateDatabase", new JsonObject { ["DatabaseInput"] = new JsonObject { ["Name"] = "sales" } })).Expect(HttpStatusCode.OK);
        (await GlueAsync(glue, "CreateTable", new JsonObject
        {
            ["DatabaseName"] = "sales",
            ["TableInput"] = new JsonObject
            {
                ["Name"] = "orders",
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = new JsonArray(new JsonObject { ["Name"] = "order_id", ["Type"] = "string" }, new JsonObject { ["Name"] = "amount", ["Type"] = "double" }),
                    ["Location"] = "s3://sales/orders/",
                },
            },
        })).Expect(HttpStatusCode.OK);
        var glueTable = (await GlueAsync(glue, "GetTable", new JsonObject { ["DatabaseName"] = "sales", ["Name"] = "orders" })).Expect(HttpStatusCode.OK);
        Assert.Equal("double", glueTable.Str("Table.StorageDescriptor.Columns.1.Type"));

        var unknownColumn = await us.PostAsync("/configuredTables", ConfiguredTable("orders", "order_id", "customer"));
        unknownColumn.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        var table = (await us.PostAsync("/configuredTables", ConfiguredTable("orders", "order_id", "amount"))).Expect(HttpStatusCode.OK);
        var tableId = table.Str("configuredTable.id")!;
        Assert.Equal("sales", table.Str("configuredTable.tableReference.glue.databaseName"));

        var rule = await us.PostAsync($"/configuredTables/{tableId}/analysisRule", new JsonObject
        {
            ["analysisRuleType"] = "LIST",
            ["analysisRulePolicy"] = new JsonObject
            {
                ["v1"] = new JsonObject { ["list"] = new JsonObject { ["joinColumns"] = new JsonArray("order_id"), ["listColumns"] = new JsonArray("amount") } },
            },
        });
        Assert.Equal("order_id", rule.Expect(HttpStatusCode.OK).Str("analysisRule.policy.v1.list.joinColumns.0"));
        var listed = (await us.GetAsync($"/configuredTables/{tableId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("LIST", listed.Str("configuredTable.analysisRuleTypes.0"));

        var membershipId = await Scenario.JoinAsync(us);
        var association = (await Scenario.AssociateAsync(us, membershipId, "orders", tableId)).Expect(HttpStatusCode.OK);
        var schemaPath = $"/collaborations/{TestEmulator.AmcCollaboration}/schemas/orders";
        var notReady = (await partner.GetAsync(schemaPath)).Expect(HttpStatusCode.OK);
        Assert.Equal("NOT_READY", notReady.Str("schema.schemaStatusDetails.0.status"));
        Assert.Equal("COLLABORATION_ANALYSIS_RULE_NOT_CONFIGURED", notReady.Str("schema.schemaStatusDetails.0.reasons.0.code"));
        Assert.Equal("amount", notReady.Str("schema.columns.1.name"));
        Assert.Equal("double", notReady.Str("schema.columns.1.type"));

        await Scenario.AddRuleAsync(us, membershipId, association.Str("configuredTableAssociation.id")!, "LIST", "list", TestEmulator.Amc);
        var ready = (await partner.GetAsync(schemaPath)).Expect(HttpStatusCode.OK);
        Assert.Equal("READY", ready.Str("schema.schemaStatusDetails.0.status"));
        var rules = (await partner.PostAsync($"/collaborations/{TestEmulator.AmcCollaboration}/batch-schema-analysis-rule", new JsonObject
        {
            ["schemaAnalysisRuleRequests"] = new JsonArray(
                new JsonObject { ["name"] = "orders", ["type"] = "LIST" },
                new JsonObject { ["name"] = "orders", ["type"] = "CUSTOM" }),
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(TestEmulator.Amc, rules.Str("analysisRules.0.collaborationPolicy.v1.list.allowedResultReceivers.0"));
        Assert.Equal("amount", rules.Str("analysisRules.0.consolidatedPolicy.v1.list.listColumns.0"));
        Assert.Equal("CUSTOM", rules.Str("errors.0.type"));

        var batch = (await partner.PostAsync($"/collaborations/{TestEmulator.AmcCollaboration}/batch-schema",
            new JsonObject { ["names"] = new JsonArray("orders", "missing") })).Expect(HttpStatusCode.OK);
        Assert.Single(batch.Node("schemas")!.AsArray());
        Assert.Equal("missing", batch.Str("errors.0.name"));
    }

    [Fact]
    public async Task Schemas_are_for_active_members_only()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var response = await us.GetAsync($"/collaborations/{TestEmulator.AmcCollaboration}/schemas");

        response.ExpectError(HttpStatusCode.Forbidden, "AccessDeniedException");
    }

    [Fact]
    public async Task Entity_resolution_namespaces_are_created_through_the_api()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var er = SignedClient.For(emulator.Endpoint, TestEmulator.Amc, "entityresolution");
        var body = new JsonObject { ["idNamespaceName"] = "AmcIds", ["type"] = "TARGET" };

        var created = (await er.PostAsync("/idnamespaces", body)).Expect(HttpStatusCode.OK);
        var again = await er.PostAsync("/idnamespaces", body);
        var listed = (await er.GetAsync("/idnamespaces")).Expect(HttpStatusCode.OK);

        Assert.Equal($"arn:aws:entityresolution:us-east-1:{TestEmulator.Amc}:idnamespace/AmcIds", created.Str("idNamespaceArn"));
        again.ExpectError(HttpStatusCode.BadRequest, "ConflictException");
        Assert.Equal("AmcIds", listed.Str("idNamespaceSummaries.0.idNamespaceName"));
        (await er.GetAsync("/idnamespaces/Nope")).ExpectError(HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    private static Task<AwsResponse> GlueAsync(SignedClient glue, string operation, JsonObject body)
    {
        return glue.SendAsync(HttpMethod.Post, "/", body, "application/x-amz-json-1.1", $"AWSGlue.{operation}");
    }

    private static JsonObject ConfiguredTable(string name, params string[] columns) => new()
    {
        ["name"] = name,
        ["tableReference"] = new JsonObject { ["glue"] = new JsonObject { ["databaseName"] = "sales", ["tableName"] = name } },
        ["allowedColumns"] = new JsonArray(columns.Select(c => (JsonNode)c).ToArray()),
        ["analysisMethod"] = "DIRECT_QUERY",
    };

    private static JsonObject NewCollaboration() => new()
    {
        ["name"] = "Measurement Q3",
        ["description"] = "Quarterly measurement",
        ["creatorDisplayName"] = "Measurement Partner",
        ["creatorMemberAbilities"] = new JsonArray("CAN_QUERY", "CAN_RECEIVE_RESULTS"),
        ["queryLogStatus"] = "ENABLED",
        ["members"] = new JsonArray(new JsonObject
        {
            ["accountId"] = TestEmulator.Us,
            ["displayName"] = "ACX",
            ["memberAbilities"] = new JsonArray(),
        }),
    };
}
