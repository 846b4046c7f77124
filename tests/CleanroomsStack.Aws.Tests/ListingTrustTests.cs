using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// What the client does not take on trust from a listing: items repeated across pages, one id with two bodies, a
/// required member missing, a status the engine decides on holding a value this version doesn't know, and nextTokens
/// that never end — each a MalformedResponse naming the operation.
/// </summary>
public sealed class ListingTrustTests
{
    private static string Association(string id, string name = "n") => $$"""
        {"id":"{{id}}","arn":"arn:{{id}}","configuredTableId":"t","membershipId":"m","membershipArn":"arn:m","name":"{{name}}","createTime":1,"updateTime":2}
        """;

    private static string Membership(string id, string status = "\"ACTIVE\"") => $$"""
        {"id":"{{id}}","arn":"arn:{{id}}","collaborationArn":"arn:c","collaborationId":"c","collaborationCreatorAccountId":"111122223333",
         "collaborationCreatorDisplayName":"P","collaborationName":"C","createTime":1,"updateTime":2,"status":{{status}},
         "memberAbilities":[],"paymentConfiguration":{"queryCompute":{"isResponsible":false} } }
        """;

    [Fact]
    public async Task Items_repeated_across_pages_are_listed_once()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => request.Query.Contains("nextToken")
            ? CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("b")}},{{Association("c")}}]}""")
            : CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("a")}},{{Association("b")}}],"nextToken":"2"}"""));

        var items = await TestClients.Create(server).ListConfiguredTableAssociationsAsync("m", default);

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_resource_updated_between_pages_keeps_its_later_version()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => request.Query.Contains("nextToken")
            ? CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("a", "n").Replace("\"updateTime\":2", "\"updateTime\":3")}}]}""")
            : CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("a")}}],"nextToken":"2"}"""));

        var item = Assert.Single(await TestClients.Create(server).ListConfiguredTableAssociationsAsync("m", default));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3), item.UpdateTime);
    }

    [Fact]
    public async Task One_id_listed_with_two_different_bodies_is_a_malformed_response()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => request.Query.Contains("nextToken")
            ? CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("a", "other")}}]}""")
            : CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Association("a")}}],"nextToken":"2"}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListConfiguredTableAssociationsAsync("m", default));

        Assert.Equal(("MalformedResponse", "ListConfiguredTableAssociations"), (error.Code, error.Operation));
        Assert.Contains("'arn:a' twice with different member 'name'", error.AwsMessage);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("status")]
    public async Task A_summary_without_a_required_member_is_a_malformed_response_naming_it(string member)
    {
        await using var server = await RecordingServer.StartAsync();
        var summary = System.Text.Json.Nodes.JsonNode.Parse(Membership("m1"))!.AsObject();
        summary.Remove(member);
        server.Respond(_ => CannedResponse.Json($$"""{"membershipSummaries":[{{summary.ToJsonString()}}]}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListMembershipsAsync(null, default));

        Assert.Equal(("MalformedResponse", "ListMemberships"), (error.Code, error.Operation));
        Assert.Contains($"'membershipSummaries[0].{member}'", error.AwsMessage);
    }

    [Fact]
    public async Task An_unknown_membership_status_is_a_malformed_response_naming_the_field_and_the_value()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json($$"""{"membershipSummaries":[{{Membership("m1")}},{{Membership("m2", "\"SUSPENDED\"")}}]}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListMembershipsAsync(null, default));

        Assert.Equal(("MalformedResponse", "ListMemberships"), (error.Code, error.Operation));
        Assert.Contains("'membershipSummaries[1].status' holds the unknown value 'SUSPENDED' of membership status", error.AwsMessage);
    }

    [Fact]
    public async Task An_unknown_member_status_is_refused_but_an_unknown_ability_is_kept()
    {
        await using var server = await RecordingServer.StartAsync();
        const string member = """
            {"accountId":"111122223333","status":"%STATUS%","displayName":"P","abilities":["CAN_QUERY","CAN_TELEPORT"],"createTime":1,"updateTime":2,
             "paymentConfiguration":{"queryCompute":{"isResponsible":true}}}
            """;
        var status = "ACTIVE";
        server.Respond(_ => CannedResponse.Json($$"""{"memberSummaries":[{{member.Replace("%STATUS%", status)}}]}"""));
        var client = TestClients.Create(server);

        var members = await client.ListMembersAsync("c", default);
        status = "PAUSED";
        var error = await Assert.ThrowsAsync<AwsApiException>(() => client.ListMembersAsync("c", default));

        // Abilities decide nothing a new value could make unsafe: the unknown one is kept as AWS sent it.
        Assert.Equal(["CAN_QUERY", "CAN_TELEPORT"], members.Single().Abilities.Select(a => a.Value));
        Assert.Equal(("MalformedResponse", "ListMembers"), (error.Code, error.Operation));
        Assert.Contains("'memberSummaries[0].status' holds the unknown value 'PAUSED' of member status", error.AwsMessage);
    }

    [Fact]
    public async Task An_association_summary_without_an_id_is_a_malformed_response_not_a_crash()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("""{"configuredTableAssociationSummaries":[{"arn":"arn:a","configuredTableId":"t","membershipId":"m","membershipArn":"arn:m","name":"n","createTime":1,"updateTime":2}]}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListConfiguredTableAssociationsAsync("m", default));

        Assert.Contains("'configuredTableAssociationSummaries[0].id'", error.AwsMessage);
    }

    [Fact]
    public async Task A_listing_whose_fresh_nextTokens_never_end_stops_after_the_page_bound()
    {
        await using var server = await RecordingServer.StartAsync();
        var page = 0;
        server.Respond(_ => CannedResponse.Json($$"""{"membershipSummaries":[],"nextToken":"t{{Interlocked.Increment(ref page)}}"}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListMembershipsAsync(null, default));

        Assert.Equal(("MalformedResponse", "ListMemberships"), (error.Code, error.Operation));
        Assert.Contains($"did not end after {RestJsonChannel.MaxPages} pages", error.AwsMessage);
        Assert.Equal(RestJsonChannel.MaxPages, server.Requests.Count);
        // At AWS's 5 requests per second the bound is reached within 30 s.
        Assert.True(RestJsonChannel.MaxPages / 5.0 <= 30);
    }
}
