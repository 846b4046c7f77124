using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>The /_emulator/ admin API: stats, faults, state and reset.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task Stats_count_each_operation_exactly_and_can_be_reset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        await us.GetAsync("/collaborations");
        await us.GetAsync("/collaborations?memberStatus=BOGUS");
        await Scenario.JoinAsync(us);
        await us.GetAsync("/configuredTables");

        Assert.Equal((2, 0, 0), await admin.StatsAsync("ListCollaborations"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("CreateMembership"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("ListConfiguredTables"));
        Assert.Equal(3, (await admin.GetAsync("stats"))["operations"]!.AsObject().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("stats/reset")).Status);
        Assert.Empty((await admin.GetAsync("stats"))["operations"]!.AsObject());
    }

    [Fact]
    public async Task Requests_that_never_reach_an_operation_are_counted_too()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var stranger = new SignedClient(emulator.Endpoint, "AKIA000000000000TEST", "x");
        using var plain = new HttpClient { BaseAddress = emulator.Endpoint };

        await stranger.GetAsync("/collaborations");
        await plain.GetAsync("/collaborations");
        await us.GetAsync("/no/such/operation");
        (await us.SendAsync(HttpMethod.Post, "/memberships", null)).Expect(HttpStatusCode.BadRequest);

        Assert.Equal((2, 0, 0), await admin.StatsAsync("(unauthenticated)"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("(unknown operation)"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("CreateMembership"));
        Assert.Equal((0, 0, 0), await admin.StatsAsync("ListCollaborations"));
    }

    [Fact]
    public async Task Faults_are_read_back_as_set_and_bad_settings_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);

        await admin.SetFaultsAsync("""{ "seed": 7, "rateLimit": 5, "errorRate": 0.1, "operations": { "GetMembership": { "latencyMs": 20 } } }""");
        var faults = await admin.GetAsync("faults");
        Assert.Equal(7, faults["seed"]!.GetValue<int>());
        Assert.Equal(5, faults["rateLimit"]!.GetValue<double>());
        Assert.Equal(20, faults["operations"]!["GetMembership"]!["latencyMs"]!.GetValue<int>());
        Assert.Equal(5, emulator.Faults.RateLimit);

        var (status, body) = await admin.PostAsync("faults", """{ "errorRate": 2 }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("errorRate must be between 0 and 1", body, StringComparison.Ordinal);
        var (unknownStatus, unknownBody) = await admin.PostAsync("faults", """{ "eror_rate": 1 }""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Contains("eror_rate", unknownBody, StringComparison.Ordinal);
        Assert.Equal(0.1, (await admin.GetAsync("faults"))["errorRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task State_shows_every_account_and_reset_returns_to_the_world()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var membershipId = await Scenario.JoinAsync(us);

        var state = await admin.GetAsync("state");
        Assert.Equal(4, state["accounts"]!.AsArray().Count);
        Assert.All(state["accounts"]!.AsArray(), a => Assert.Equal("(redacted)", a!["secretAccessKey"]!.GetValue<string>()));
        Assert.DoesNotContain("demo-secret-", state.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(state["memberships"]!.AsArray(), m => m!["id"]!.GetValue<string>() == membershipId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("reset")).Status);
        var after = await admin.GetAsync("state");
        Assert.DoesNotContain(after["memberships"]!.AsArray(), m => m!["id"]!.GetValue<string>() == membershipId);
    }

    [Fact]
    public async Task Unknown_admin_path_says_what_exists()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);

        var (status, body) = await admin.PostAsync("nothing");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("stats", JsonNode.Parse(body)!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
