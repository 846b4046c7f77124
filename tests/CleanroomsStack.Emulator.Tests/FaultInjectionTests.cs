using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Tests.Support;

namespace CleanroomsStack.Emulator.Tests;

/// <summary>Every fault kind, set through the admin API, and the exact counts /_emulator/stats reports for it.</summary>
public sealed class FaultInjectionTests
{
    private static readonly JsonObject JoinAmc = new() { ["collaborationIdentifier"] = TestEmulator.AmcCollaboration, ["queryLogStatus"] = "ENABLED" };

    [Fact]
    public async Task Rate_limit_is_a_token_bucket_per_operation_and_account()
    {
        var clock = new ManualClock();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        using var partner = SignedClient.For(emulator.Endpoint, TestEmulator.Amc);
        await admin.SetFaultsAsync("""{ "rateLimit": 2 }""");

        (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
        (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
        var throttled = await us.GetAsync("/collaborations");
        (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK);
        (await partner.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);

        throttled.ExpectError(HttpStatusCode.TooManyRequests, "ThrottlingException");
        Assert.Equal((5, 1, 0), await admin.StatsAsync("ListCollaborations"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("ListMemberships"));
    }

    [Fact]
    public async Task Error_rate_for_one_operation_answers_internal_server_error_without_acting()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await admin.SetFaultsAsync("""{ "operations": { "CreateMembership": { "errorRate": 1 } } }""");

        var failed = await us.PostAsync("/memberships", JoinAmc);
        var memberships = await us.GetAsync("/memberships");

        failed.ExpectError(HttpStatusCode.InternalServerError, "InternalServerException");
        Assert.Empty(memberships.Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray());
        Assert.Equal((1, 0, 1), await admin.StatsAsync("CreateMembership"));
        Assert.Equal((1, 0, 0), await admin.StatsAsync("ListMemberships"));
    }

    [Fact]
    public async Task Lost_response_applies_the_write_but_answers_500_so_a_blind_retry_conflicts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await admin.SetFaultsAsync("""{ "operations": { "CreateMembership": { "lostResponseRate": 1 } } }""");

        (await us.PostAsync("/memberships", JoinAmc)).ExpectError(HttpStatusCode.InternalServerError, "InternalServerException");
        var memberships = (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK);
        await admin.SetFaultsAsync("{}");
        var retry = await us.PostAsync("/memberships", JoinAmc);

        Assert.Single(memberships.Node("membershipSummaries")!.AsArray());
        retry.ExpectError(HttpStatusCode.Conflict, "ConflictException");
        Assert.Equal((2, 0, 1), await admin.StatsAsync("CreateMembership"));
    }

    [Fact]
    public async Task Lost_response_in_reset_mode_aborts_the_connection_after_the_write()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await admin.SetFaultsAsync("""{ "lostResponseMode": "reset", "operations": { "CreateMembership": { "lostResponseRate": 1 } } }""");

        await Assert.ThrowsAsync<HttpRequestException>(() => us.PostAsync("/memberships", JoinAmc));

        Assert.Single((await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray());
    }

    [Fact]
    public async Task Dropped_connection_aborts_before_the_operation_runs()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await admin.SetFaultsAsync("""{ "operations": { "CreateMembership": { "dropConnectionRate": 1 } } }""");

        await Assert.ThrowsAsync<HttpRequestException>(() => us.PostAsync("/memberships", JoinAmc));

        Assert.Empty((await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray());
        Assert.Equal((1, 0, 1), await admin.StatsAsync("CreateMembership"));
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = new FaultSettings { LatencyMs = 300 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var watch = Stopwatch.StartNew();
        (await us.GetAsync("/collaborations")).Expect(HttpStatusCode.OK);

        Assert.True(watch.ElapsedMilliseconds >= 300, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_request_is_in_progress_until_the_emulator_lets_go_of_it_even_when_its_client_gave_up()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = new FaultSettings { LatencyMs = 60_000 } });
        var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        Assert.Equal(0, emulator.RequestsInProgress);

        var answer = us.GetAsync("/collaborations");
        await WaitUntilAsync(() => emulator.RequestsInProgress == 1);
        us.Dispose(); // gives up on the request: the connection closes and the emulator stops waiting out the latency
        await Assert.ThrowsAnyAsync<Exception>(() => answer);

        await WaitUntilAsync(() => emulator.RequestsInProgress == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task The_same_seed_injects_the_same_faults_in_the_same_order()
    {
        var options = new EmulatorOptions { Faults = new FaultSettings { Seed = 42, ErrorRate = 0.5 } };

        var first = await OutcomesAsync(options);
        var second = await OutcomesAsync(options);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
    }

    [Fact]
    public async Task Read_after_write_lag_hides_new_resources_from_lists_only()
    {
        var clock = new ManualClock();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock, Faults = new FaultSettings { ReadAfterWriteLagMs = 2000 } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var membershipId = await Scenario.JoinAsync(us);
        var listed = (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK);
        (await us.GetAsync($"/memberships/{membershipId}")).Expect(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(3));
        var later = (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK);

        Assert.Empty(listed.Node("membershipSummaries")!.AsArray());
        Assert.Equal(membershipId, later.Str("membershipSummaries.0.id"));
    }

    [Fact]
    public async Task Short_pages_end_early_with_a_token_and_still_cover_everything()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = new FaultSettings { ShortPages = true } });
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);

        var first = (await us.GetAsync("/configuredTables?maxResults=10")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, first.Node("configuredTableSummaries")!.AsArray().Count);
        Assert.NotNull(first.Str("nextToken"));

        var all = await Scenario.TableNamesPageByPageAsync(us, pageSize: 10);
        Assert.Equal(34, all.Distinct().Count());
    }

    [Fact]
    public async Task Malformed_listings_drop_or_replace_a_member_and_list_one_id_with_two_bodies()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await Scenario.JoinAsync(us);
        await admin.SetFaultsAsync("""
            { "malformedListings": { "ListMemberships": { "removeMember": "id", "replaceMembers": { "status": "SUSPENDED" } },
                                     "ListConfiguredTables": { "twoBodies": "name" } } }
            """);

        var membership = (await us.GetAsync("/memberships")).Expect(HttpStatusCode.OK).Node("membershipSummaries")!.AsArray().Single()!.AsObject();
        var tables = (await us.GetAsync("/configuredTables?maxResults=2")).Expect(HttpStatusCode.OK).Node("configuredTableSummaries")!.AsArray();

        Assert.False(membership.ContainsKey("id"));
        Assert.Equal("SUSPENDED", (string?)membership["status"]);
        Assert.Equal(3, tables.Count);
        Assert.Equal((string?)tables[0]!["id"], (string?)tables[2]!["id"]);
        Assert.Equal($"{tables[0]!["name"]}-other", (string?)tables[2]!["name"]);
    }

    [Fact]
    public async Task An_endless_listing_hands_out_a_fresh_token_on_every_page_past_the_end()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        await admin.SetFaultsAsync("""{ "malformedListings": { "ListCollaborations": { "endlessNextToken": true } } }""");

        var tokens = new List<string>();
        var items = 0;
        string? token = null;
        for (var page = 0; page < 5; page++)
        {
            var answer = (await us.GetAsync("/collaborations" + (token is null ? "" : $"?nextToken={Uri.EscapeDataString(token)}"))).Expect(HttpStatusCode.OK);
            items += answer.Node("collaborationList")!.AsArray().Count;
            token = answer.Str("nextToken");
            tokens.Add(token!);
        }

        Assert.Equal(3, items); // the demo world's three invitations, then empty pages
        Assert.Equal(5, tokens.Distinct().Count());
    }

    [Fact]
    public async Task Malformed_listing_settings_that_set_nothing_are_refused_naming_the_operation()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var admin = new AdminClient(emulator.Endpoint);

        var refused = await admin.PostAsync("faults", """{ "malformedListings": { "ListMemberships": {} } }""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("malformedListings.ListMemberships sets nothing", refused.Body);
    }

    private static async Task<List<HttpStatusCode>> OutcomesAsync(EmulatorOptions options)
    {
        await using var emulator = await TestEmulator.StartAsync(options);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) outcomes.Add((await us.GetAsync("/collaborations")).Status);
        return outcomes;
    }
}
