using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>Plain HTTP calls to the emulator's <c>/_emulator/</c> admin API.</summary>
public sealed class AdminClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint };

    public async Task<JsonObject> GetAsync(string path)
    {
        using var response = await _http.GetAsync($"/_emulator/{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string body = "")
    {
        using var response = await _http.PostAsync($"/_emulator/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task SetFaultsAsync(string json)
    {
        var (status, body) = await PostAsync("faults", json);
        Assert.True(status == HttpStatusCode.OK, body);
    }

    /// <summary>The counters of one operation, zero when it was never called.</summary>
    public async Task<(int Requests, int Throttled, int Faults)> StatsAsync(string operation)
    {
        var stats = (await GetAsync("stats"))["operations"]![operation];
        return stats is null ? (0, 0, 0) : (stats["requests"]!.GetValue<int>(), stats["throttled"]!.GetValue<int>(), stats["faults"]!.GetValue<int>());
    }

    public void Dispose() => _http.Dispose();
}
