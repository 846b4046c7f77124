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

    private static async Task<List<HttpStatusCode>> OutcomesAsync(EmulatorOptions options)
    {
        await using var emulator = await TestEmulator.StartAsync(options);
        using var us = SignedClient.For(emulator.Endpoint, TestEmulator.Us);
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) outcomes.Add((await us.GetAsync("/collaborations")).Status);
        return outcomes;
    }
}
