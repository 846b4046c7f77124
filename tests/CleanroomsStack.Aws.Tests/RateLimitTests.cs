using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;
using Microsoft.Extensions.Time.Testing;

namespace CleanroomsStack.Aws.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_bucket_lets_the_burst_through_then_spaces_requests_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(requestsPerSecond: 5, burst: 2, time);

        Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(default));
        Assert.Equal(TimeSpan.Zero, await bucket.AcquireAsync(default));
        var third = bucket.AcquireAsync(default).AsTask();
        var fourth = bucket.AcquireAsync(default).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(200), await third);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(400), await fourth);
    }

    [Fact]
    public void Throttling_halves_the_rate_down_to_a_floor_and_successes_recover_it_gradually()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(requestsPerSecond: 10, burst: 1, time);

        bucket.OnThrottled(time.GetTimestamp());
        Assert.Equal(5, bucket.CurrentRate, precision: 6);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            bucket.OnThrottled(time.GetTimestamp());
        }
        Assert.Equal(1, bucket.CurrentRate, precision: 6);

        bucket.OnSuccess();
        Assert.Equal(1.05, bucket.CurrentRate, precision: 6);
        for (var i = 0; i < 179; i++) bucket.OnSuccess();
        Assert.Equal(10, bucket.CurrentRate, precision: 6);
    }

    [Fact]
    public void Requests_already_in_flight_when_the_rate_was_cut_do_not_cut_it_again()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(requestsPerSecond: 8, burst: 1, time);
        var firstWave = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(10));
        var secondWave = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(100));

        bucket.OnThrottled(firstWave);
        bucket.OnThrottled(firstWave);
        bucket.OnThrottled(secondWave);
        Assert.Equal(4, bucket.CurrentRate, precision: 6);

        time.Advance(TimeSpan.FromMilliseconds(1));
        bucket.OnThrottled(time.GetTimestamp());
        Assert.Equal(2, bucket.CurrentRate, precision: 6);
    }

    [Fact]
    public async Task A_cut_spaces_requests_already_waiting_at_the_new_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new AdaptiveTokenBucket(requestsPerSecond: 10, burst: 1, time);
        await bucket.AcquireAsync(default);
        var second = bucket.AcquireAsync(default).AsTask(); // reserved at 10/s: t = 100 ms
        var third = bucket.AcquireAsync(default).AsTask();  // t = 200 ms

        bucket.OnThrottled(time.GetTimestamp()); // 5/s from now on, for those already waiting too

        // At 100 ms the second wakes and queues again at 5/s: half a token has come in, so it waits 100 ms more.
        await AdvanceUntilRequeuedAsync(time, TimeSpan.FromMilliseconds(100), bucket, reservations: 4);
        await AssertDoneExactlyAfterAsync(second, time, TimeSpan.FromMilliseconds(100));
        // At 200 ms the third wakes and queues behind it: a whole token at 5/s, so 200 ms more.
        await AdvanceUntilRequeuedAsync(time, TimeSpan.Zero, bucket, reservations: 5);
        await AssertDoneExactlyAfterAsync(third, time, TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Moves fake time on, then waits (in real time) until a woken waiter has reserved its turn again.</summary>
    private static async Task AdvanceUntilRequeuedAsync(FakeTimeProvider time, TimeSpan by, AdaptiveTokenBucket bucket, long reservations)
    {
        time.Advance(by);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (bucket.Reservations < reservations)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {bucket.Reservations} of {reservations} reservations after 10 s");
            await Task.Delay(1);
        }
        Assert.Equal(reservations, bucket.Reservations);
    }

    /// <summary>The task is still waiting a millisecond before <paramref name="after"/> and finishes at it.</summary>
    private static async Task AssertDoneExactlyAfterAsync(Task task, FakeTimeProvider time, TimeSpan after)
    {
        time.Advance(after - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20); // a waiter woken too early would finish meanwhile
        Assert.False(task.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Against_a_service_allowing_2_requests_per_second_few_requests_are_throttled()
    {
        // Simulated service: its own token bucket of 2 requests/s with a burst of 2; the client starts at 5/s.
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var client = new AdaptiveTokenBucket(requestsPerSecond: 5, burst: 2, time);
        double serviceTokens = 2;
        var serviceRefilled = time.GetUtcNow();
        bool ServiceAccepts()
        {
            serviceTokens = Math.Min(2, serviceTokens + (time.GetUtcNow() - serviceRefilled).TotalSeconds * 2);
            serviceRefilled = time.GetUtcNow();
            if (serviceTokens < 1) return false;
            serviceTokens -= 1;
            return true;
        }
        int sent = 0, throttled = 0, succeeded = 0;
        while (succeeded < 300)
        {
            time.Advance(client.Reserve());
            sent++;
            if (ServiceAccepts()) { succeeded++; client.OnSuccess(); }
            else { throttled++; client.OnThrottled(time.GetTimestamp()); time.Advance(TimeSpan.FromMilliseconds(100)); }
        }

        Assert.InRange(throttled, 1, sent * 5 / 100);
        // 300 requests at 2/s need at least 149 s; the adaptive client should not idle much beyond that.
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(149), TimeSpan.FromSeconds(200));
    }

    [Fact]
    public void Operations_have_separate_buckets_and_per_operation_overrides()
    {
        var options = new RateLimitOptions(RequestsPerSecond: 5, Burst: 1, new Dictionary<string, double> { ["CreateMembership"] = 2 });
        var limiter = new OperationRateLimiter(options, new FakeTimeProvider());

        limiter.OnThrottled("ListMemberships", limiter.Timestamp());

        Assert.Equal(2.5, limiter.CurrentRate("ListMemberships"));
        Assert.Equal(5, limiter.CurrentRate("GetMembership"));
        Assert.Equal(2, limiter.CurrentRate("CreateMembership"));
        Assert.Null(new OperationRateLimiter(RateLimitOptions.Unlimited, TimeProvider.System).CurrentRate("GetMembership"));
    }

    [Theory]
    [InlineData(0, 2, "The request rate must be a positive number of requests per second (--max-rps), not 0.")]
    [InlineData(-1, 2, "The request rate must be a positive number of requests per second (--max-rps), not -1.")]
    [InlineData(5, 0, "The request burst must be at least 1, not 0.")]
    public void Unusable_rate_limits_are_rejected_when_the_client_is_created(double rate, int burst, string message)
    {
        var settings = new AwsSettings { RateLimit = new RateLimitOptions(rate, burst) };

        var error = Assert.Throws<AwsConfigurationException>(() => CleanRoomsClientFactory.Create(Support.TestClients.Context("http://127.0.0.1:9"), settings));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(AwsErrorKind.Throttled, false, RepeatSafety.NotIdempotent, true)]
    [InlineData(AwsErrorKind.Transient, false, RepeatSafety.NotIdempotent, true)]
    [InlineData(AwsErrorKind.Transient, true, RepeatSafety.NotIdempotent, false)]
    [InlineData(AwsErrorKind.Transient, true, RepeatSafety.SafeToRepeat, true)]
    [InlineData(AwsErrorKind.Validation, false, RepeatSafety.SafeToRepeat, false)]
    [InlineData(AwsErrorKind.Conflict, false, RepeatSafety.SafeToRepeat, false)]
    [InlineData(AwsErrorKind.NotFound, false, RepeatSafety.SafeToRepeat, false)]
    [InlineData(AwsErrorKind.AccessDenied, false, RepeatSafety.SafeToRepeat, false)]
    [InlineData(AwsErrorKind.QuotaExceeded, false, RepeatSafety.SafeToRepeat, false)]
    [InlineData(AwsErrorKind.Fatal, false, RepeatSafety.SafeToRepeat, false)]
    internal void Only_throttling_and_transient_failures_are_retried_and_unknown_outcomes_only_when_harmless(
        AwsErrorKind kind, bool outcomeUnknown, RepeatSafety safety, bool retried)
    {
        var error = new AwsApiException(kind, "Op", "Code", "message", 500) { OutcomeUnknown = outcomeUnknown };

        Assert.Equal(retried, BackoffPolicy.IsRetryable(error, safety));
    }

    [Fact]
    public void Backoff_is_full_jitter_under_an_exponential_ceiling_capped_at_the_maximum()
    {
        var options = new RetryOptions(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(100), new BackoffPolicy(options, () => 1.0).DelayBefore(2));
        Assert.Equal(TimeSpan.FromMilliseconds(400), new BackoffPolicy(options, () => 1.0).DelayBefore(4));
        Assert.Equal(TimeSpan.FromSeconds(1), new BackoffPolicy(options, () => 1.0).DelayBefore(9));
        Assert.Equal(TimeSpan.FromMilliseconds(200), new BackoffPolicy(options, () => 0.5).DelayBefore(4));
        Assert.Equal(TimeSpan.Zero, new BackoffPolicy(options, () => 0.0).DelayBefore(4));
    }

    [Fact]
    public void IAM_propagation_waits_at_least_the_configured_delay_other_errors_just_back_off()
    {
        var options = RetryOptions.Default with { IamPropagationDelay = TimeSpan.FromSeconds(3) };
        var policy = new BackoffPolicy(options, () => 0.5);
        var iam = new AwsApiException(AwsErrorKind.Transient, "Op", "ValidationException", "role", 400) { Reason = "IAM_SYNCHRONIZATION_DELAY" };
        var server = new AwsApiException(AwsErrorKind.Transient, "Op", "InternalServerException", "oops", 500);

        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayAfter(iam, 2));
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.DelayAfter(server, 2));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayAfter(iam, 20));
    }
}
