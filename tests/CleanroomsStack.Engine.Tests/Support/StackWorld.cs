using System.Runtime.CompilerServices;
using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Reading;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>
/// An emulator of the onboarding world (or of the demo world) in a scratch folder, the real AWS client signed as our account, and the
/// pipeline (plan) and applier on top: what <c>cleanrooms-stack up</c> does, minus the console.
/// </summary>
public sealed class StackWorld : IAsyncDisposable
{
    public const string Region = "us-east-1";

    /// <summary>Fast retries so fault-injection tests stay quick; the budgets are still bounded like the defaults.</summary>
    public static readonly RetryOptions FastRetry = new(MaxAttempts: 6, BaseDelay: TimeSpan.FromMilliseconds(20),
        MaxDelay: TimeSpan.FromMilliseconds(300), MaxTotalTime: TimeSpan.FromSeconds(15), AttemptTimeout: TimeSpan.FromSeconds(10));

    public static readonly ApplyOptions FastApply = new(Parallelism: 4)
    {
        Attempts = new RetryBudget(10, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
        Visibility = new RetryBudget(30, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15)),
        InFlightGrace = TimeSpan.FromSeconds(1),
    };

    private readonly EmulatorOptions options;
    private readonly BasicAWSCredentials credentials;

    private StackWorld(string folder, EmulatorOptions options, RunningEmulator emulator, BasicAWSCredentials credentials)
    {
        Folder = folder;
        this.options = options;
        this.credentials = credentials;
        Emulator = emulator;
    }

    public string Folder { get; }

    /// <summary>The retry budget of the clients this world hands out.</summary>
    public RetryOptions ClientRetry { get; set; } = FastRetry;

    /// <summary>The client-side rate limit of those clients; none by default, the CLI's default where a test needs it.</summary>
    public RateLimitOptions ClientRateLimit { get; set; } = RateLimitOptions.Unlimited;

    /// <summary>The call gate of those clients (as `up` gives its session one), or none.</summary>
    public CallGate? ClientGate { get; set; }

    public RunningEmulator Emulator { get; private set; }

    /// <summary>The emulator's clock: skip it on to end a read-after-write lag without waiting it out.</summary>
    public SkippableClock EmulatorClock => (SkippableClock)options.Clock;

    public string ConfigPath => Path.Combine(Folder, "collaborations.yaml");

    public string AuditPath => Path.Combine(Folder, "audit.jsonl");

    [ModuleInitializer]
    internal static void NoInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

    public static async Task<StackWorld> StartAsync(
        int invitations, FaultSettings? faults = null, EmulatorQuotas? quotas = null, bool persist = false, int tables = 2)
    {
        var folder = Directory.CreateTempSubdirectory("crs-apply-").FullName;
        var worldFile = Path.Combine(folder, "world.json");
        await File.WriteAllTextAsync(worldFile, OnboardingWorld.WorldJson(invitations, tables));
        var options = new EmulatorOptions
        {
            WorldFile = worldFile,
            StateDirectory = persist ? Path.Combine(folder, "state") : null,
            Faults = faults ?? FaultSettings.None,
            Quotas = quotas ?? new EmulatorQuotas(),
            Clock = new SkippableClock(),
        };
        var emulator = await EmulatorServer.StartAsync(options);
        var us = new BasicAWSCredentials(OnboardingWorld.AccessKeyId(OnboardingWorld.Us), OnboardingWorld.SecretAccessKey(OnboardingWorld.Us));
        var world = new StackWorld(folder, options with { Port = emulator.Endpoint.Port }, emulator, us);
        world.WriteConfig(OnboardingWorld.Config(invitations));
        return world;
    }

    /// <summary>The demo world of <c>--local</c> (our account invited to AMC, Retail Media and Measurement) with this config.</summary>
    public static async Task<StackWorld> StartDemoAsync(string config)
    {
        var folder = Directory.CreateTempSubdirectory("crs-demo-").FullName;
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Clock = new SkippableClock() });
        var us = new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount));
        var world = new StackWorld(folder, emulator.Options, emulator, us);
        world.WriteConfig(config);
        return world;
    }

    /// <summary>The repository's sample config, which the demo world answers.</summary>
    public static readonly string DemoConfig = File.ReadAllText(RepoRoot.File("collaborations.yaml"));

    /// <summary>The demo world with this config already applied once (as <c>up --yes</c> would).</summary>
    public static async Task<StackWorld> StartDemoAppliedAsync(string config)
    {
        var world = await StartDemoAsync(config);
        Assert.True((await world.UpAsync()).Result.Succeeded);
        return world;
    }

    public void WriteConfig(string yaml) => File.WriteAllText(ConfigPath, yaml);

    /// <summary>Stops the emulator as a killed process would: in-flight requests fail, the saved state stays.</summary>
    public Task StopAsync() => Emulator.DisposeAsync().AsTask();

    /// <summary>Starts a new emulator on the same port and state folder (and, if given, other quotas).</summary>
    public async Task RestartAsync(EmulatorQuotas? quotas = null)
    {
        var next = options with { Quotas = quotas ?? options.Quotas, Faults = FaultSettings.None };
        Emulator = await EmulatorServer.StartAsync(next);
    }

    /// <summary>A fresh client of our account; its call observer feeds the request ids of the audit log.</summary>
    public ICleanRoomsApi Client(RetryOptions? retry = null)
    {
        retry ??= ClientRetry;
        var endpoint = Emulator.Endpoint.ToString();
        var settings = new AwsSettings(Region: Region, EndpointUrl: endpoint) { Retry = retry, RateLimit = ClientRateLimit, Gate = ClientGate };
        var context = new ResolvedAwsContext(credentials, Region, ServiceEndpoints.Resolve(endpoint, Region, _ => null), "test account");
        return CleanRoomsClientFactory.Create(context, settings, new AuditTrailForwarder());
    }

    public async Task<PlanningResult> PlanningAsync(ICleanRoomsApi? api = null, CancellationToken ct = default, IReadCache? cache = null)
    {
        var loaded = ConfigLoader.Load(await File.ReadAllTextAsync(ConfigPath, ct), ConfigPath);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var planning = await new StackPipeline(api ?? Client(), Region, parallelism: 4, cache).PlanAsync(loaded.Config!, PlanOptions.Default, ct);
        Assert.False(planning.Failed, string.Join("\n", planning.Diagnostics));
        return planning;
    }

    public async Task<Plan> PlanAsync() => (await PlanningAsync()).Plan!;

    /// <summary>The plan as up has it before applying: with the records of what it keeps (<see cref="StackPipeline.ReadRecordsAsync"/>).</summary>
    public async Task<PlanningResult> UpPlanningAsync(ICleanRoomsApi? api = null) =>
        await new StackPipeline(api ?? Client(), Region, parallelism: 4).ReadRecordsAsync(await PlanningAsync(api), default);

    /// <summary>Plans and applies once, as <c>up --yes</c> does; the audit log of the world records every change.</summary>
    /// <param name="cache">A read cache the plan reads through and the apply keeps its writes in, as <c>up --read-cache</c>.</param>
    public async Task<UpRun> UpAsync(ApplyOptions? apply = null, IApplyObserver? observer = null, CancellationToken ct = default, IReadCache? cache = null)
    {
        apply ??= FastApply;
        using var interruption = new ApplyInterruption(ct, apply.InFlightGrace);
        var api = Client();
        return await ApplyAsync(await PlanningAsync(api, ct, cache), api, interruption, apply, observer, cache);
    }

    /// <summary>Plans and applies once with an interruption the test controls.</summary>
    public async Task<UpRun> UpAsync(ApplyInterruption interruption, ApplyOptions? apply = null, IApplyObserver? observer = null)
    {
        var api = Client();
        return await ApplyAsync(await PlanningAsync(api), api, interruption, apply, observer);
    }

    /// <summary>Applies a plan computed earlier, recording it in the world's audit log.</summary>
    public async Task<UpRun> ApplyAsync(PlanningResult planning, ICleanRoomsApi api, ApplyInterruption interruption,
        ApplyOptions? apply = null, IApplyObserver? observer = null, IReadCache? cache = null)
    {
        // As up does: the records of what the plan keeps, which planning reads only where it creates.
        planning = await new StackPipeline(api, Region, parallelism: 4).ReadRecordsAsync(planning, CancellationToken.None);
        using var audit = new Audit.AuditLog(AuditPath, planning.Inventory!.Caller.Arn);
        var observers = new CompositeApplyObserver(audit, observer ?? NullApplyObserver.Instance);
        var written = cache is null ? null : new WrittenResources(cache);
        var result = await new Applier(api, apply ?? FastApply, observers, written).ApplyAsync(planning.Plan!, interruption);
        return new UpRun(planning.Plan!, result);
    }

    /// <summary>Waits until the emulator has received <paramref name="count"/> requests for <paramref name="operation"/> (answered or not).</summary>
    public async Task WaitUntilEmulatorReceivesAsync(string operation, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((Emulator.GetStats().GetValueOrDefault(operation)?.Requests ?? 0) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the emulator received fewer than {count} {operation} within 60 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the emulator has answered every request it received, abandoned ones included.</summary>
    public async Task WaitUntilEmulatorIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Emulator.RequestsInProgress > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the emulator still handles {Emulator.RequestsInProgress} requests after 30 s");
            await Task.Delay(10);
        }
    }

    public async Task<EmulatorSnapshot> StateAsync() => EmulatorSnapshot.Parse(await Emulator.GetStateJsonAsync());

    /// <summary>What every convergence test ends with: nothing left to do, nothing duplicated, the audit log true to the state.</summary>
    /// <param name="onboarded">Also check that each collaboration has exactly what the onboarding config asks for.</param>
    public async Task AssertConvergedAsync(int collaborations, bool onboarded = true)
    {
        var plan = await PlanAsync();
        Assert.False(plan.HasChanges, "the plan after the runs still has changes:\n" +
            string.Join("\n", plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Address}")));
        var state = await StateAsync();
        state.AssertNoDuplicates();
        if (onboarded) state.AssertOnboarded(OnboardingWorld.Us, collaborations);
        else Assert.Equal(collaborations, state.ActiveMembershipsOf(OnboardingWorld.Us).Count());
        AuditAssert.MatchesState(AuditPath, state);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

public sealed record UpRun(Plan Plan, ApplyResult Result);
