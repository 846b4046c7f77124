using System.Collections.Concurrent;
using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Tests.Support;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// The client's retries and rate limiting against the project's emulator with AWS-like faults, over signed HTTP, with the
/// emulator's own stats as the judge. (A lost response on a create is the engine's concern: see the Engine tests.)
/// Client and emulator share a <see cref="SimulatedClock"/>: the rates and delays are AWS's real ones, but the minutes
/// they add up to pass in fake time, and the service sees every request at the moment the client sent it.
/// </summary>
public sealed class EmulatorFaultTests
{
    private const string Operation = "ListConfiguredTables";

    [Fact]
    public async Task ThreeHundredCallsAgainstTwoRequestsPerSecondAllSucceedWithUnderFivePercentThrottled()
    {
        var faults = new FaultSettings
        {
            Operations = new Dictionary<string, OperationFaults> { [Operation] = new() { RateLimit = 2, RateLimitBurst = 2 } },
        };
        var clock = new SimulatedClock();
        await using var emulator = await EmulatorServer.StartAsync(Options(faults, clock));
        var api = Client(emulator, new AwsSettings(), clock);

        // Eight callers at once, as a busy run would: the client, not the callers, must keep the pace.
        var results = new ConcurrentBag<int>();
        await clock.RunCallsAsync(300, callers: 8, async () => results.Add((await api.ListConfiguredTablesAsync(default)).Count));

        Assert.Equal(300, results.Count);
        Assert.All(results, count => Assert.Equal(34, count));
        var stats = emulator.GetStats()[Operation];
        Assert.True(stats.Requests >= 300, $"{stats.Requests} requests");
        Assert.True(stats.Throttled < 0.05 * 300, $"{stats.Throttled} of {stats.Requests} requests were throttled");
    }

    [Fact]
    public async Task WithThirtyPercentInjectedServerErrorsEveryCallSucceedsWithinTheRetryBudget()
    {
        var clock = new SimulatedClock();
        await using var emulator = await EmulatorServer.StartAsync(Options(new FaultSettings { Seed = 7, ErrorRate = 0.3 }, clock));
        var api = Client(emulator, new AwsSettings { RateLimit = RateLimitOptions.Unlimited }, clock);

        await clock.RunAsync(callers: 1, async () =>
        {
            for (var i = 0; i < 100; i++)
                Assert.Equal(34, (await api.ListConfiguredTablesAsync(default)).Count);
        });

        var stats = emulator.GetStats()[Operation];
        Assert.True(stats.InjectedErrors > 10, $"only {stats.InjectedErrors} errors were injected");
        Assert.Equal(100 + stats.InjectedErrors, stats.Requests);
    }

    // Minutes of fake time pass in seconds of real time, and the signer dates requests by the real clock.
    private static EmulatorOptions Options(FaultSettings faults, TimeProvider clock) =>
        new() { Faults = faults, Clock = clock, MaxClockSkew = TimeSpan.FromHours(1) };

    private static ICleanRoomsApi Client(RunningEmulator emulator, AwsSettings settings, TimeProvider clock)
    {
        var endpoint = emulator.Endpoint.ToString();
        var region = emulator.Options.Region;
        var context = new ResolvedAwsContext(
            new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount)),
            region, ServiceEndpoints.Resolve(endpoint, region, _ => null), "demo account");
        return CleanRoomsClientFactory.Create(context, settings with { Region = region, EndpointUrl = endpoint }, observer: null, clock, TestClients.SeededJitter());
    }
}
