using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Glue;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>Clients pointed at a local server with fixed, recognisable test credentials.</summary>
public static class TestClients
{
    public const string AccessKey = "AKIDTESTEXAMPLE";
    public const string SecretKey = "test-secret-key-wJalrXUtnFEMI";
    public const string SessionToken = "test-session-token-FwoGZXIvYXdzE";
    public const string Region = "us-east-1";

    public static ResolvedAwsContext Context(string endpoint, bool withSessionToken = true) => new(
        withSessionToken ? new SessionAWSCredentials(AccessKey, SecretKey, SessionToken) : new BasicAWSCredentials(AccessKey, SecretKey),
        Region,
        ServiceEndpoints.Resolve(endpoint, Region, _ => null),
        "test credentials");

    /// <summary>No retries and no client-side rate limit: one request per call, so tests can count exactly.</summary>
    public static AwsSettings SingleAttempt { get; } = new() { Retry = RetryOptions.None, RateLimit = RateLimitOptions.Unlimited };

    /// <summary>Retries with tiny delays so retry tests run fast.</summary>
    public static AwsSettings FastRetries { get; } = new()
    {
        Retry = new RetryOptions(MaxAttempts: 4, BaseDelay: TimeSpan.FromMilliseconds(1), MaxDelay: TimeSpan.FromMilliseconds(5),
            MaxTotalTime: TimeSpan.FromSeconds(10), AttemptTimeout: TimeSpan.FromSeconds(2)) { IamPropagationDelay = TimeSpan.FromMilliseconds(5) },
        RateLimit = RateLimitOptions.Unlimited,
    };

    /// <summary>A client of the demo world's own account against a running emulator, as the tool's local mode has one.</summary>
    public static ICleanRoomsApi ForDemoAccount(RunningEmulator emulator, AwsSettings? settings = null)
    {
        var endpoint = emulator.Endpoint.ToString();
        var region = emulator.Options.Region;
        var credentials = new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount));
        var context = new ResolvedAwsContext(credentials, region, ServiceEndpoints.Resolve(endpoint, region, _ => null), "demo account");
        return CleanRoomsClientFactory.Create(context, (settings ?? SingleAttempt) with { Region = region, EndpointUrl = endpoint });
    }

    public static IGlueCatalogApi CreateGlue(RecordingServer server, AwsSettings? settings = null) =>
        CleanRoomsClientFactory.CreateGlueCatalog(Context(server.Url), settings ?? SingleAttempt);

    public static ICleanRoomsApi Create(RecordingServer server, AwsSettings? settings = null, IAwsCallObserver? observer = null, bool withSessionToken = true) =>
        CleanRoomsClientFactory.Create(Context(server.Url, withSessionToken), settings ?? SingleAttempt, observer);

    /// <summary>A client whose rate limiter, backoff and timings run on <paramref name="time"/>, with <see cref="SeededJitter"/>.</summary>
    public static ICleanRoomsApi Create(RecordingServer server, AwsSettings settings, TimeProvider time, IAwsCallObserver? observer = null) =>
        CleanRoomsClientFactory.Create(Context(server.Url), settings, observer, time, SeededJitter());

    /// <summary>Backoff jitter that is the same on every run (behind a lock: callers retry on several threads).</summary>
    public static Func<double> SeededJitter()
    {
        var random = new Random(13);
        return () => { lock (random) return random.NextDouble(); };
    }
}
