using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// Per-operation rate discovery (<see cref="CubicRateDiscovery"/>) against a simulated AWS quota (a token bucket of
/// one second's requests), on a fake clock: one caller sends as fast as the client's bucket lets it, and each answer
/// reaches the client 200 ms later, as from AWS.
/// </summary>
public sealed class RateDiscoveryTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_raised_quota_is_found_within_seconds_and_then_used_with_few_throttles()
    {
        var time = new FakeTimeProvider();
        var bucket = Discovering(start: 5, time);
        var service = new ServiceRateLimit(requestsPerSecond: 20, burst: 20, time);

        var start = Drive(bucket, time, service, TimeSpan.FromSeconds(5));
        Assert.True(bucket.CurrentRate >= 14, $"paced at {bucket.CurrentRate:0.0}/s after 5 s");
        var run = Drive(bucket, time, service, TimeSpan.FromSeconds(120));

        Assert.True(start.Accepted + run.Accepted >= 0.9 * 20 * 125, $"{start.Accepted + run.Accepted} accepted in 125 s at 20/s");
        Assert.True(run.Throttled * 100 <= run.Sent * 3, $"{run.Throttled} of {run.Sent} throttled");
        var learned = bucket.Learned("Op");
        Assert.Equal(RateBasis.Estimated, learned.Basis);
        Assert.InRange(learned.Rate, 18, 22);
    }

    [Fact]
    public void At_AWS_default_quota_discovery_costs_only_a_few_throttled_requests()
    {
        var time = new FakeTimeProvider();
        var bucket = Discovering(start: 5, time);
        var service = new ServiceRateLimit(requestsPerSecond: 5, burst: 5, time);

        var run = Drive(bucket, time, service, TimeSpan.FromSeconds(600));

        Assert.True(run.Throttled * 100 <= run.Sent * 3, $"{run.Throttled} of {run.Sent} throttled");
        Assert.True(run.Accepted >= 0.97 * 5 * 600, $"{run.Accepted} accepted in 600 s at 5/s");
        Assert.InRange(bucket.Learned("Op").Rate, 4.5, 5.5);
    }

    [Fact]
    public void A_known_quota_is_never_exceeded_even_when_the_service_allows_more()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(requestsPerSecond: 5, burst: 2, time);
        var service = new ServiceRateLimit(requestsPerSecond: 100, burst: 100, time);

        var run = Drive(bucket, time, service, TimeSpan.FromSeconds(60));

        Assert.InRange(run.Sent, 5 * 60 - 1, 5 * 60 + 2);
        Assert.Equal(0, run.Throttled);
        Assert.Equal(new OperationRate("Op", 5, RateBasis.Given, 5, 0), bucket.Learned("Op"));
    }

    [Fact]
    public void A_remembered_estimate_is_where_the_next_run_starts()
    {
        var time = new FakeTimeProvider();
        var fromRemembered = Drive(Remembering(estimate: 20, time), time, new ServiceRateLimit(20, 20, time), TimeSpan.FromSeconds(3));
        var fromDefault = Drive(Discovering(start: 5, time), time, new ServiceRateLimit(20, 20, time), TimeSpan.FromSeconds(3));

        Assert.True(fromRemembered.Accepted >= 55, $"{fromRemembered.Accepted} accepted in the first 3 s");
        Assert.True(fromRemembered.Accepted > fromDefault.Accepted + 15, $"{fromRemembered.Accepted} vs {fromDefault.Accepted} from 5/s");
        Assert.Equal(0, fromRemembered.Throttled);
    }

    [Fact]
    public void An_operation_used_less_than_its_rate_does_not_climb_to_a_rate_it_never_tried()
    {
        var time = new FakeTimeProvider();
        var bucket = Discovering(start: 5, time);

        Drive(bucket, time, new ServiceRateLimit(100, 100, time), TimeSpan.FromSeconds(60), demandEvery: TimeSpan.FromSeconds(1));

        Assert.Equal(5, bucket.CurrentRate, precision: 6);
        Assert.Equal(new OperationRate("Op", 5, RateBasis.AtLeast, 5, 0), bucket.Learned("Op"));
    }

    [Fact]
    public void An_estimate_the_operation_since_outran_without_a_throttle_is_raised_to_what_it_held()
    {
        var time = new FakeTimeProvider();
        var bucket = Remembering(estimate: 10, time);

        var run = Drive(bucket, time, new ServiceRateLimit(100, 100, time), TimeSpan.FromSeconds(60), demandEvery: TimeSpan.FromMilliseconds(1000.0 / 15));

        Assert.Equal(0, run.Throttled);
        var learned = bucket.Learned("Op");
        Assert.Equal(RateBasis.Estimated, learned.Basis);
        Assert.InRange(learned.Rate, 14, 15.5);
    }

    [Fact]
    public void A_lowered_quota_is_followed_down()
    {
        var time = new FakeTimeProvider();
        var bucket = Remembering(estimate: 20, time);

        var run = Drive(bucket, time, new ServiceRateLimit(5, 5, time), TimeSpan.FromSeconds(120));

        Assert.InRange(bucket.Learned("Op").Rate, 4.5, 5.5);
        Assert.True(run.Throttled * 100 <= run.Sent * 5, $"{run.Throttled} of {run.Sent} throttled");
    }

    [Fact]
    public void By_default_operations_start_at_AWS_documented_rates_or_where_an_earlier_run_left_them()
    {
        var options = RateLimitOptions.Default with
        {
            Remembered = new Dictionary<string, RememberedRate>
            {
                ["CreateMembership"] = new(12, IsEstimate: true),
                ["ListMembers"] = new(3, IsEstimate: false), // a lower bound under the documented rate doesn't lower it
                ["GetMembership"] = new(9, IsEstimate: false),
            },
        };
        var limiter = new OperationRateLimiter(options, new FakeTimeProvider());
        Assert.Equal(20, limiter.FastestRate); // before any call: the highest start

        Assert.Equal([5, 20, 12, 5, 9], new[] { "ListMemberships", "GetConfiguredTable", "CreateMembership", "ListMembers", "GetMembership" }
            .Select(op => limiter.CurrentRate(op)!.Value));
        Assert.Equal(20, limiter.FastestRate);
        Assert.Equal(
            [
                new OperationRate("CreateMembership", 12, RateBasis.Estimated, 12, 0),
                new OperationRate("GetConfiguredTable", 20, RateBasis.AtLeast, 20, 0),
                new OperationRate("GetMembership", 9, RateBasis.AtLeast, 9, 0),
                new OperationRate("ListMembers", 5, RateBasis.AtLeast, 5, 0),
                new OperationRate("ListMemberships", 5, RateBasis.AtLeast, 5, 0),
            ],
            limiter.Snapshot());
        Assert.True(limiter.Discovers);
    }

    [Fact]
    public void A_known_quota_ignores_remembered_rates_and_reports_a_cut_as_given()
    {
        var time = new FakeTimeProvider();
        var options = RateLimitOptions.KnownQuota(8) with { Remembered = new Dictionary<string, RememberedRate> { ["ListMembers"] = new(30, true) } };
        var limiter = new OperationRateLimiter(options, time);

        Assert.Equal(8, limiter.CurrentRate("ListMembers"));
        var cut = limiter.OnThrottled("ListMembers", limiter.Timestamp());

        Assert.Equal(new OperationRate("ListMembers", 8, RateBasis.Given, 4, 1), cut);
        Assert.Null(limiter.OnThrottled("ListMembers", limiter.Timestamp() - 1)); // sent before the cut: no second cut
        Assert.False(limiter.Discovers);
        Assert.Equal(double.PositiveInfinity, new OperationRateLimiter(RateLimitOptions.Unlimited).FastestRate);
    }

    [Fact]
    public void Successes_are_counted_per_second_over_the_last_minute()
    {
        var time = new FakeTimeProvider();
        var origin = time.GetTimestamp();
        var window = new SuccessWindow(time, origin);
        for (var second = 0; second < 90; second++)
        {
            window.Add(time.GetTimestamp());
            window.Add(time.GetTimestamp());
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, window.RateSince(origin, time.GetTimestamp()), precision: 6); // only the last minute counts
        for (var i = 0; i < 20; i++) window.Add(time.GetTimestamp());
        Assert.Equal(4, window.RateSince(time.GetTimestamp() - 10 * time.TimestampFrequency, time.GetTimestamp()), precision: 6);
    }

    private static AdaptiveTokenBucket Discovering(double start, FakeTimeProvider time) =>
        new(new CubicRateDiscovery(start, floor: 0.5, ceiling: 10_000, startIsEstimate: false, time), burst: 2, time);

    /// <summary>A bucket starting where an earlier run's throttles left the operation.</summary>
    private static AdaptiveTokenBucket Remembering(double estimate, FakeTimeProvider time) =>
        new(new CubicRateDiscovery(estimate, floor: 0.5, ceiling: 10_000, startIsEstimate: true, time), burst: 2, time);

    private sealed record Traffic(int Sent, int Accepted, int Throttled);

    /// <summary>
    /// Sends through <paramref name="bucket"/> as fast as it lets one caller (or once per <paramref name="demandEvery"/>,
    /// if that is slower) for <paramref name="duration"/> of fake time. Each answer is reported to the bucket
    /// <see cref="Latency"/> after its request; a cut makes the waiting caller queue again at the new rate, as
    /// <see cref="AdaptiveTokenBucket.AcquireAsync"/> does.
    /// </summary>
    private static Traffic Drive(AdaptiveTokenBucket bucket, FakeTimeProvider time, ServiceRateLimit service, TimeSpan duration,
        TimeSpan? demandEvery = null)
    {
        var end = time.GetUtcNow() + duration;
        var nextDemand = time.GetUtcNow();
        var answers = new Queue<(DateTimeOffset Due, long SentAt, bool Accepted)>();
        int sent = 0, accepted = 0, throttled = 0;
        while (time.GetUtcNow() < end)
        {
            var reservedFor = time.GetUtcNow() + bucket.Reserve();
            var sendAt = reservedFor > nextDemand ? reservedFor : nextDemand;
            var cut = false;
            while (!cut && answers.TryPeek(out var answer) && answer.Due <= sendAt)
            {
                answers.Dequeue();
                AdvanceTo(time, answer.Due);
                if (answer.Accepted) bucket.OnSuccess();
                else cut = bucket.OnThrottled(answer.SentAt);
            }
            if (cut) continue;
            AdvanceTo(time, sendAt);
            var ok = service.TryAccept();
            sent++;
            if (ok) accepted++;
            else throttled++;
            answers.Enqueue((time.GetUtcNow() + Latency, time.GetTimestamp(), ok));
            if (demandEvery is { } every) nextDemand = time.GetUtcNow() + every;
        }
        return new Traffic(sent, accepted, throttled);
    }

    private static void AdvanceTo(FakeTimeProvider time, DateTimeOffset when)
    {
        if (when > time.GetUtcNow()) time.Advance(when - time.GetUtcNow());
    }
}
