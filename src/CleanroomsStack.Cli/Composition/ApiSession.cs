using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// The AWS connection of one command: the real AWS (credentials and region resolved as the AWS CLI does), or with
/// --local an embedded emulator of the demo world whose state persists in --local-dir between runs.
/// </summary>
internal sealed class ApiSession : IAsyncDisposable
{
    private readonly RunningEmulator? emulator;
    private readonly string description;

    private ApiSession(Func<IAwsCallObserver, ICleanRoomsApi> connect, IAwsCallObserver? log, string region, string description,
        RunningEmulator? emulator, RateLimitOptions rateLimit, CallGate gate)
    {
        Gate = gate;
        RequestsPerSecond = rateLimit.RequestsPerSecond;
        // The call trail gives each applied change its AWS request ids (for the audit log).
        IAwsCallObserver observer = log is null ? new CompositeCallObserver(Calls, AwsCallTrailForwarder.Instance)
            : new CompositeCallObserver(Calls, AwsCallTrailForwarder.Instance, log);
        Api = connect(observer);
        Region = region;
        this.description = description;
        this.emulator = emulator;
    }

    public ICleanRoomsApi Api { get; }

    /// <summary>Per-operation totals of every AWS call this session made, for the end-of-run summary.</summary>
    public AwsCallSummary Calls { get; } = new();

    public string Region { get; }

    /// <summary>Every call of the session passes it; the first Ctrl-C of `up` closes it, so no queued call is sent after.</summary>
    public CallGate Gate { get; }

    /// <summary>The calls so far, for progress: finished, throttled, in flight.</summary>
    public Views.Progress.CallCounts CountCalls()
    {
        var totals = Calls.Snapshot();
        return new Views.Progress.CallCounts(totals.Sum(c => c.Calls), totals.Sum(c => c.Throttles), Gate.InFlight);
    }

    /// <summary>The client's pace per AWS operation (infinite when unlimited), which the applier keeps busy.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>Where the calls go, for messages; never includes a secret.</summary>
    public string Describe() => description;

    public static async Task<ApiSession> OpenAsync(RunSettings settings, string? configRegion, TextWriter log, CancellationToken ct)
    {
        var safeLog = Views.TerminalSafe.Writer(log); // bodies and messages come from the endpoint
        IAwsCallObserver? callLog = settings.Debug ? new AwsCallLog(AwsLogLevel.Debug, safeLog.WriteLine)
            : settings.Verbose ? new AwsCallLog(AwsLogLevel.Verbose, safeLog.WriteLine) : null;
        var gate = new CallGate();
        if (!settings.Local)
        {
            var aws = new AwsSettings(settings.Profile, settings.Region, settings.EndpointUrl)
            {
                FallbackRegion = configRegion,
                RateLimit = RateLimitFor(settings, RateLimitOptions.Default),
                Gate = gate,
            };
            var context = AwsContextResolver.Resolve(aws);
            // With a custom endpoint the calls don't go to AWS: say where they do go.
            var target = context.Endpoints.AnyCustom ? context.Endpoints.For(AwsService.CleanRooms).GetLeftPart(UriPartial.Authority) : "AWS";
            return new ApiSession(o => CleanRoomsClientFactory.Create(context, aws, o), callLog, context.Region, $"{target} ({context})", null, aws.RateLimit, gate);
        }

        if (settings.ResetLocal && Directory.Exists(settings.LocalDir)) Directory.Delete(settings.LocalDir, recursive: true);
        var running = await EmulatorServer.StartAsync(new EmulatorOptions { StateDirectory = settings.LocalDir, Faults = LocalFaults(settings.LocalDir) }, ct);
        var region = settings.Region ?? configRegion ?? new EmulatorOptions().Region;
        // The embedded emulator does not throttle, so the client need not pace itself as it must against AWS.
        var local = new AwsSettings(Region: region, EndpointUrl: running.Endpoint.ToString())
        {
            RateLimit = RateLimitFor(settings, RateLimitOptions.Unlimited),
            Gate = gate,
        };
        var credentials = new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount));
        var endpoints = ServiceEndpoints.Resolve(running.Endpoint.ToString(), region, _ => null);
        var localContext = new ResolvedAwsContext(credentials, region, endpoints, $"demo account {DemoWorld.OurAccount}");
        return new ApiSession(o => CleanRoomsClientFactory.Create(localContext, local, o), callLog, region,
            $"the local emulator ({settings.LocalDir}, demo account {DemoWorld.OurAccount})", running, local.RateLimit, gate);
    }

    /// <summary>The file in --local-dir that sets the embedded emulator's faults and AWS behaviours (docs/emulator.md), if any.</summary>
    public const string LocalFaultsFile = "emulator-faults.json";

    /// <summary>The embedded emulator plays AWS's behaviours by default; <see cref="LocalFaultsFile"/> changes them or adds faults.</summary>
    private static FaultSettings LocalFaults(string localDir)
    {
        var path = Path.Combine(localDir, LocalFaultsFile);
        if (!File.Exists(path)) return FaultSettings.None;
        return FaultSettingsJson.TryRead(File.ReadAllText(path), out var problem)
               ?? throw new InvalidDataException($"{path}: {problem} Fix the file (the format of POST /_emulator/faults in docs/emulator.md) or delete it.");
    }

    /// <summary>--max-rps, or the mode's own pace: AWS's usual quota, or none against the embedded emulator.</summary>
    private static RateLimitOptions RateLimitFor(RunSettings settings, RateLimitOptions otherwise) =>
        settings.MaxRps is { } rps ? RateLimitOptions.Default with { RequestsPerSecond = rps } : otherwise;

    public async ValueTask DisposeAsync()
    {
        if (emulator is not null) await emulator.DisposeAsync();
    }
}
