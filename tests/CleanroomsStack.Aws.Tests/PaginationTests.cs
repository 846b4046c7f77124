using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

public sealed class PaginationTests
{
    private static string Summary(string id) => $$"""
        {"id":"{{id}}","arn":"arn:{{id}}","configuredTableId":"t","membershipId":"m","membershipArn":"arn:m","name":"{{id}}","createTime":1,"updateTime":2}
        """;

    [Fact]
    public async Task A_list_follows_nextToken_through_short_and_empty_pages_until_it_is_absent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(request => WireAssert.DecodeQuery(request.Query).FirstOrDefault(kv => kv.Key == "nextToken").Value switch
        {
            null => CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Summary("a")}},{{Summary("b")}}],"nextToken":"page/2+="}"""),
            "page/2+=" => CannedResponse.Json("""{"configuredTableAssociationSummaries":[],"nextToken":"page3"}"""),
            "page3" => CannedResponse.Json($$"""{"configuredTableAssociationSummaries":[{{Summary("c")}}]}"""),
            var other => CannedResponse.Error(400, "ValidationException", $$"""{"message":"unexpected token {{other}}"}"""),
        });

        var items = await TestClients.Create(server).ListConfiguredTableAssociationsAsync("m", default);

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Id));
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Contains(new KeyValuePair<string, string>("maxResults", "100"), WireAssert.DecodeQuery(r.Query)));
    }

    [Fact]
    public async Task A_service_that_repeats_a_token_is_stopped_with_a_clear_error_instead_of_looping()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("""{"membershipSummaries":[],"nextToken":"same"}"""));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => TestClients.Create(server).ListMembershipsAsync(null, default));

        Assert.Equal(("MalformedResponse", AwsErrorKind.Fatal), (error.Code, error.Kind));
        Assert.Contains("same nextToken", error.AwsMessage);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_absent_item_list_reads_as_an_empty_page()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond(_ => CannedResponse.Json("{}"));

        Assert.Empty(await TestClients.Create(server).ListCollaborationsAsync("INVITED", default));
    }
}
