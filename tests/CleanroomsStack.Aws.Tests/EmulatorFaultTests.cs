using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests;

/// <summary>
/// The client's retries and rate limiting against the project's emulator with AWS-like faults, over signed HTTP, with the
/// emulator's own stats as the judge. (A lost response on a create is the engine's concern: see the Engine tests.)
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
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = faults });
        var api = Client(emulator, new AwsSettings());

        // Eight callers at once, as a busy run would: the client, not the callers, must keep the pace.
        var calls = Enumerable.Range(0, 300).ToList();
        using var gate = new SemaphoreSlim(8);
        var results = await Task.WhenAll(calls.Select(async _ =>
        {
            await gate.WaitAsync();
            try { return (await api.ListConfiguredTablesAsync(default)).Count; }
            finally { gate.Release(); }
        }));

        Assert.All(results, count => Assert.Equal(34, count));
        var stats = emulator.GetStats()[Operation];
        Assert.True(stats.Requests >= 300, $"{stats.Requests} requests");
        Assert.True(stats.Throttled < 0.05 * 300, $"{stats.Throttled} of {stats.Requests} requests were throttled");
    }

    [Fact]
    public async Task WithThirtyPercentInjectedServerErrorsEveryCallSucceedsWithinTheRetryBudget()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Faults = new FaultSettings { Seed = 7, ErrorRate = 0.3 } });
        var api = Client(emulator, new AwsSettings { RateLimit = RateLimitOptions.Unlimited });

        for (var i = 0; i < 100; i++)
            Assert.Equal(34, (await api.ListConfiguredTablesAsync(default)).Count);

        var stats = emulator.GetStats()[Operation];
        Assert.True(stats.InjectedErrors > 10, $"only {stats.InjectedErrors} errors were injected");
        Assert.Equal(100 + stats.InjectedErrors, stats.Requests);
    }

    private static ICleanRoomsApi Client(RunningEmulator emulator, AwsSettings settings)
    {
        var endpoint = emulator.Endpoint.ToString();
        var region = emulator.Options.Region;
        var context = new ResolvedAwsContext(
            new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount)),
            region, ServiceEndpoints.Resolve(endpoint, region, _ => null), "demo account");
        return CleanRoomsClientFactory.Create(context, settings with { Region = region, EndpointUrl = endpoint });
    }
}
