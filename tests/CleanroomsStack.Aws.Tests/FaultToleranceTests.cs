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
        var serviceLimit = new ServiceRateLimit(requestsPerSecond: 20, burst: 4, clock);
        var throttled = 0;
        server.Respond(_ =>
        {
            if (serviceLimit.TryAccept()) return CannedResponse.Json(MembershipJson);
            Interlocked.Increment(ref throttled);
            return CannedResponse.Error(429, "ThrottlingException", """{"message":"Rate exceeded"}""");
        });
        var settings = new AwsSettings
        {
            RateLimit = new RateLimitOptions(RequestsPerSecond: 50, Burst: 2),
            Retry = RetryOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(20) },
        };
        var api = TestClients.Create(server, settings, clock);

        await clock.RunCallsAsync(200, callers: 4, () => api.GetMembershipAsync("m", default));

        var requests = server.Requests.Count;
        Assert.True(throttled * 100 < requests * 5, $"{throttled} of {requests} requests were throttled");
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

    /// <summary>The service's own token bucket, as AWS applies per operation.</summary>
    private sealed class ServiceRateLimit(double requestsPerSecond, double burst, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private double _tokens = double.PositiveInfinity;
        private DateTimeOffset _last = clock.GetUtcNow();

        public bool TryAccept()
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                // Starts full: the first refill clamps the initial infinity to the burst.
                _tokens = Math.Min(burst, _tokens + (now - _last).TotalSeconds * requestsPerSecond);
                _last = now;
                if (_tokens < 1) return false;
                _tokens -= 1;
                return true;
            }
        }
    }
}
