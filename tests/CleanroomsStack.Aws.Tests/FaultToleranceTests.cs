using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// Whole-client behaviour against a misbehaving service over real HTTP: a server-side rate limit lower than the
/// client's, and randomly injected server errors. The rate-limited run is paced by a <see cref="SimulatedClock"/> that
/// the client and the service share, so its ten seconds of traffic pass in fake time and the service sees each request
/// at the moment the client sent it, whatever the load on the test machine.
/// </summary>
public sealed class FaultToleranceTests
{
    private const string MembershipJson = """
        {"membership":{"id":"m","arn":"arn:m","collaborationArn":"arn:c","collaborationId":"c","collaborationCreatorAccountId":"111122223333",
         "collaborationCreatorDisplayName":"AMC","collaborationName":"AMC","createTime":1,"updateTime":2,"status":"ACTIVE",
         "memberAbilities":[],"queryLogStatus":"DISABLED","paymentConfiguration":{"queryCompute":{"isResponsible":true}}}}
        """;

    private static async Task RunCalls(int calls, int workers, Func<Task> call)
    {
        var remaining = calls;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0) await call();
        }));
    }

    [Fact]
    public async Task Against_a_service_slower_than_the_client_all_calls_succeed_and_few_are_throttled()
    {
        await using var server = await RecordingServer.StartAsync();
        var clock = new SimulatedClock();
        var throttled = ThrottleBeyond(server, new ServiceRateLimit(requestsPerSecond: 20, burst: 4, clock));
        var settings = new AwsSettings
        {
            RateLimit = new RateLimitOptions(RequestsPerSecond: 50, Burst: 2),
            Retry = RetryOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(20) },
        };
        var api = TestClients.Create(server, settings, clock);

        await clock.RunCallsAsync(200, callers: 4, () => api.GetMembershipAsync("m", default));

        var requests = server.Requests.Count;
        Assert.True(throttled.Count * 100 < requests * 5, $"{throttled.Count} of {requests} requests were throttled");
    }

    [Fact]
    public async Task With_30_percent_injected_server_errors_every_read_succeeds_within_the_retry_budget()
    {
        await using var server = await RecordingServer.StartAsync();
        var random = new Random(20261125);
        var injected = 0;
        server.Respond(_ =>
        {
            bool fail;
            lock (random) fail = random.NextDouble() < 0.3;
            if (!fail) return CannedResponse.Json(MembershipJson);
            Interlocked.Increment(ref injected);
            return CannedResponse.Error(500, "InternalServerException", """{"message":"injected"}""");
        });
        // Twelve attempts make a call that fails every time (0.3^12 per call) practically impossible in this test.
        var settings = TestClients.FastRetries with { Retry = TestClients.FastRetries.Retry with { MaxAttempts = 12 } };
        var api = TestClients.Create(server, settings);

        await RunCalls(200, workers: 4, () => api.GetMembershipAsync("m", default));

        Assert.Equal(200 + injected, server.Requests.Count);
        Assert.InRange(injected, 40, 120);
    }

    [Fact]
    public async Task Without_a_known_quota_the_client_finds_a_quota_four_times_the_documented_rate_and_says_what_it_learned()
    {
        await using var server = await RecordingServer.StartAsync();
        var clock = new SimulatedClock();
        var throttled = ThrottleBeyond(server, new ServiceRateLimit(requestsPerSecond: 20, burst: 20, clock));
        var cuts = new RateCuts();
        var settings = new AwsSettings { RateLimit = RateLimitOptions.Default, Retry = RetryOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(20) } };
        var api = TestClients.Create(server, settings, clock, cuts);
        var started = clock.GetUtcNow();

        await clock.RunCallsAsync(400, callers: 8, () => api.GetMembershipAsync("m", default));

        // 400 calls at the documented 5/s take 80 s; at the 20/s the service allows, 20 s, plus the few seconds of finding it.
        var elapsed = clock.GetUtcNow() - started;
        Assert.True(elapsed < TimeSpan.FromSeconds(26), $"400 calls took {elapsed.TotalSeconds:0.0} s");
        Assert.True(throttled.Count * 100 < server.Requests.Count * 3, $"{throttled.Count} of {server.Requests.Count} requests were throttled");
        var learned = Assert.IsType<Http.OperationRate>(cuts.Last);
        Assert.Equal(("GetMembership", Http.RateBasis.Estimated), (learned.Operation, learned.Basis));
        Assert.InRange(learned.Rate, 15, 25);
    }

    /// <summary>The server answers GetMembership while <paramref name="limit"/> allows it, ThrottlingException beyond; counts those.</summary>
    private static Throttles ThrottleBeyond(RecordingServer server, ServiceRateLimit limit)
    {
        var throttles = new Throttles();
        server.Respond(_ =>
        {
            if (limit.TryAccept()) return CannedResponse.Json(MembershipJson);
            Interlocked.Increment(ref throttles.Count);
            return CannedResponse.Error(429, "ThrottlingException", """{"message":"Rate exceeded"}""");
        });
        return throttles;
    }

    private sealed class Throttles
    {
        public int Count;
    }

    private sealed class RateCuts : Observability.IAwsCallObserver
    {
        public Http.OperationRate? Last { get; private set; }

        public void OnRateCut(string service, Http.OperationRate rate) => Last = rate;
    }
}
