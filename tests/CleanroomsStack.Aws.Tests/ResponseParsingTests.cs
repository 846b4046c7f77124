using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Tests;

public sealed class ResponseParsingTests
{
    [Fact]
    public async Task Membership_reads_fractional_epoch_seconds_and_ignores_unknown_members()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("""
            {"membership":{"id":"m1","arn":"arn:aws:cleanrooms:us-east-1:111122223333:membership/m1",
             "collaborationArn":"arn:c","collaborationId":"c1","collaborationCreatorAccountId":"444455556666",
             "collaborationCreatorDisplayName":"AMC","collaborationName":"AMC Collaboration",
             "createTime":1712345678.123,"updateTime":1712345679,"status":"ACTIVE","memberAbilities":["CAN_QUERY"],
             "queryLogStatus":"DISABLED","jobLogStatus":"ENABLED","isMetricsEnabled":true,
             "paymentConfiguration":{"queryCompute":{"isResponsible":true},"machineLearning":{"modelTraining":{"isResponsible":false}}},
             "brandNewMember":{"nested":[1,2,3]}}}
            """));

        var membership = await TestClients.Create(server).GetMembershipAsync("m1", default);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1712345678123), membership.CreateTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712345679), membership.UpdateTime);
        Assert.Equal(("ACTIVE", "DISABLED", "ENABLED"), (membership.Status, membership.QueryLogStatus, membership.JobLogStatus));
        Assert.Equal(["CAN_QUERY"], membership.MemberAbilities);
        Assert.True(membership.PaymentConfiguration.QueryCompute.IsResponsible);
        Assert.Null(membership.PaymentConfiguration.JobCompute);
    }

    [Fact]
    public async Task Analysis_rule_reads_the_policy_union_and_the_membershipIdentifier_member()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("""
            {"analysisRule":{"membershipIdentifier":"m1","configuredTableAssociationId":"a1","configuredTableAssociationArn":"arn:a",
             "policy":{"v1":{"list":{"allowedResultReceivers":["111122223333"]}}},"type":"LIST","createTime":1,"updateTime":2}}
            """));

        var rule = await TestClients.Create(server).GetConfiguredTableAssociationAnalysisRuleAsync("m1", "a1", "LIST", default);

        Assert.Equal("m1", rule.MembershipIdentifier);
        Assert.Equal(["111122223333"], rule.Policy.V1.List!.AllowedResultReceivers!);
        Assert.Null(rule.Policy.V1.Custom);
    }

    [Fact]
    public async Task Caller_identity_is_read_from_the_STS_XML()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => new CannedResponse(200, """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AKIAI44QH8DHBEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """));

        var identity = await TestClients.Create(server).GetCallerIdentityAsync(default);

        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/Alice", "AKIAI44QH8DHBEXAMPLE"), identity);
    }

    [Fact]
    public async Task Id_namespace_reads_Entity_Resolution_createdAt_and_updatedAt()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("""
            {"idNamespaceName":"ACXIdNamespace","idNamespaceArn":"arn:ns","type":"SOURCE","createdAt":1700000000.5,"updatedAt":1700000001,
             "idMappingWorkflowProperties":[{"idMappingType":"PROVIDER"}]}
            """));

        var ns = await TestClients.Create(server).GetIdNamespaceAsync("ACXIdNamespace", default);

        Assert.Equal(("ACXIdNamespace", "SOURCE"), (ns.IdNamespaceName, ns.Type));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500), ns.CreatedAt);
    }

    [Fact]
    public async Task Deletes_accept_204_with_an_empty_body()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => new CannedResponse(204));
        var api = TestClients.Create(server);

        await api.DeleteMembershipAsync("m1", default);
        await api.DeleteConfiguredTableAssociationAsync("m1", "a1", default);
        await api.DeleteConfiguredTableAssociationAnalysisRuleAsync("m1", "a1", "LIST", default);
        await api.DeleteIdNamespaceAssociationAsync("m1", "n1", default);

        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(("DELETE", ""), (r.Method, r.Body)));
    }
}
