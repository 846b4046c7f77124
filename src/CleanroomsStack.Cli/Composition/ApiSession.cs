using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Http;
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
    private readonly RateMemory memory;
    private readonly TextWriter? verboseLog;

    /// <summary>Where the learned rates are kept (the --read-cache folder, when rates are learned) and for which endpoint.</summary>
    private sealed record RateMemory(RateLimitOptions Options, string? Folder = null, string? Endpoint = null, string? Stack = null);

    private ApiSession(Func<IAwsCallObserver, OperationRateLimiter, ICleanRoomsApi> connect, IAwsCallObserver? log, TextWriter? verboseLog,
        string region, string description, RunningEmulator? emulator, RateMemory memory, CallGate gate)
    {
        Gate = gate;
        Rates = new OperationRateLimiter(memory.Options);
        // The call trail gives each applied change its AWS request ids (for the audit log).
        IAwsCallObserver observer = log is null ? new CompositeCallObserver(Calls, AwsCallTrailForwarder.Instance)
            : new CompositeCallObserver(Calls, AwsCallTrailForwarder.Instance, log);
        Api = connect(observer, Rates);
        Region = region;
        this.description = description;
        this.emulator = emulator;
        this.verboseLog = verboseLog;
        this.memory = memory;
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

    /// <summary>The client's pace per AWS operation, given or learned; the applier keeps its fastest one busy.</summary>
    public OperationRateLimiter Rates { get; }

    /// <summary>The per-operation call totals with each operation's known or learned rate, for the end-of-run summary.</summary>
    public IReadOnlyList<OperationCallTotals> CallTotals() => Calls.Snapshot(Rates.Snapshot());

    /// <summary>Where the calls go, for messages; never includes a secret.</summary>
    public string Describe() => description;

    public static async Task<ApiSession> OpenAsync(RunSettings settings, string? configRegion, TextWriter log, CancellationToken ct)
    {
        var safeLog = Views.TerminalSafe.Writer(log); // bodies and messages come from the endpoint
        var verboseLog = settings.Debug || settings.Verbose ? safeLog : null;
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
            // Discovery starts where the last run with this read cache left each operation.
            var rates = aws.RateLimit.Discover
                ? aws.RateLimit with { Remembered = LearnedRatesFile.Load(settings.ReadCache, settings.Stack, context.Region, settings.EndpointUrl, log) }
                : aws.RateLimit;
            // With a custom endpoint the calls don't go to AWS: say where they do go.
            var target = context.Endpoints.AnyCustom ? context.Endpoints.For(AwsService.CleanRooms).GetLeftPart(UriPartial.Authority) : "AWS";
            return new ApiSession((o, r) => CleanRoomsClientFactory.Create(context, aws, o, r), callLog, verboseLog, context.Region,
                $"{target} ({context})", null, new RateMemory(rates, rates.Discover ? settings.ReadCache : null, settings.EndpointUrl, settings.Stack), gate);
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
        return new ApiSession((o, r) => CleanRoomsClientFactory.Create(localContext, local, o, r), callLog, verboseLog, region,
            $"the local emulator ({settings.LocalDir}, demo account {DemoWorld.OurAccount})", running, new RateMemory(local.RateLimit), gate);
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

    /// <summary>--max-rps (a known quota), or the mode's own pace: discovered from AWS's documented rates, or none against the embedded emulator.</summary>
    private static RateLimitOptions RateLimitFor(RunSettings settings, RateLimitOptions otherwise) =>
        settings.MaxRps is { } rps ? RateLimitOptions.KnownQuota(rps) : otherwise;

    /// <summary>
    /// At the end of a command: with --verbose, one line per operation with the rate it was given or learned; with
    /// --read-cache, the learned rates are kept for the next run.
    /// </summary>
    public void Finish(TextWriter warnings)
    {
        var learned = Rates.Snapshot();
        if (verboseLog is not null)
        {
            foreach (var rate in learned)
                verboseLog.WriteLine($"aws rate {rate.Operation}: {RateText.Of(rate)}/s ({Describe(rate.Basis)}), {rate.Throttles} throttled");
        }
        if (memory.Folder is { } folder) LearnedRatesFile.Save(folder, memory.Stack, Region, memory.Endpoint, memory.Options.Remembered, learned, warnings);
    }

    private static string Describe(RateBasis basis) => basis switch
    {
        RateBasis.Given => "given by --max-rps",
        RateBasis.Estimated => "learned from throttling",
        RateBasis.AtLeast => "never throttled",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "unknown rate basis"),
    };

    public async ValueTask DisposeAsync()
    {
        if (emulator is not null) await emulator.DisposeAsync();
    }
}
