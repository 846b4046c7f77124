using System.Net;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>maxResults bounds and opaque nextToken, as every Clean Rooms list operation pages.</summary>
public sealed class PaginationTests
{
    [Theory]
    [InlineData(1, 34)]
    [InlineData(7, 5)]
    [InlineData(17, 2)]
    [InlineData(34, 1)]
    [InlineData(100, 1)]
    public async Task Pages_cover_every_item_once_and_stop_without_a_token(int pageSize, int expectedPages)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var names = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var query = $"/configuredTables?maxResults={pageSize}" + (token is null ? "" : $"&nextToken={Uri.EscapeDataString(token)}");
            var page = (await us.GetAsync(query)).Expect(HttpStatusCode.OK);
            var items = page.Node("configuredTableSummaries")!.AsArray();
            Assert.InRange(items.Count, 1, pageSize);
            names.AddRange(items.Select(i => i!["name"]!.GetValue<string>()));
            token = page.Str("nextToken");
            pages++;
        }
        while (token is not null);

        Assert.Equal(expectedPages, pages);
        Assert.Equal(34, names.Count);
        Assert.Equal(34, names.Distinct().Count());
    }

    [Theory]
    [InlineData("maxResults=0")]
    [InlineData("maxResults=101")]
    [InlineData("maxResults=ten")]
    [InlineData("nextToken=garbage")]
    [InlineData("nextToken=Y2xlYW5yb29tcy1lbXVsYXRvci92MXxMaXN0TWVtYmVyc2hpcHN8MQ%3D%3D")]
    public async Task Out_of_range_page_size_or_foreign_token_is_a_validation_error(string query)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var response = await us.GetAsync($"/configuredTables?{query}");

        response.ExpectError(HttpStatusCode.BadRequest, "ValidationException");
        Assert.Equal(query.Split('=')[0], response.Str("fieldList.0.name"));
    }
}
