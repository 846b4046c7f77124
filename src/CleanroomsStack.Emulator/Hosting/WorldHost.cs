using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>
/// Owns the live world: one lock serialises every operation (AWS is strongly ordered per resource; the
/// emulator simply is per world), and every successful write is persisted before the client hears back.
/// </summary>
public sealed class WorldHost
{
    private readonly EmulatorState _initial;
    private readonly StateStore? _store;

    public WorldHost(EmulatorOptions options, EmulatorState initial, EmulatorState current, StateStore? store)
    {
        Options = options;
        _initial = StateSerializer.Clone(initial);
        _store = store;
        Faults = new FaultInjector(options.Faults, options.Clock);
        World = new World(current, options, () => Faults.Settings);
    }

    public EmulatorOptions Options { get; }
    public World World { get; }
    public FaultInjector Faults { get; }
    public EmulatorStats Stats { get; } = new();
    public SemaphoreSlim Lock { get; } = new(1, 1);

    private int _requestsInProgress;

    /// <summary>Requests received and not answered yet, including those whose client has given up waiting.</summary>
    public int RequestsInProgress => Volatile.Read(ref _requestsInProgress);

    internal void RequestStarted() => Interlocked.Increment(ref _requestsInProgress);

    internal void RequestEnded() => Interlocked.Decrement(ref _requestsInProgress);

    public async Task<OperationResult> RunAsync(Route route, OperationContext context, CancellationToken ct)
    {
        await Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = route.Handler(context);
            if (route.Mutates) await PersistAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Back to the world's initial state (admin API and tests).</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            World.State = StateSerializer.Clone(_initial);
            await PersistAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Saves the state once more when the emulator stops (every write was saved already; this covers a stop before any).</summary>
    public async Task SaveOnStopAsync()
    {
        await Lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await PersistAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>
    /// A consistent JSON snapshot of every resource of every account. Secret keys are redacted: the snapshot is
    /// for looking at, and credentials never leave the emulator in an answer.
    /// </summary>
    public async Task<string> SnapshotAsync(CancellationToken ct)
    {
        await Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return StateSerializer.SerializeRedacted(World.State);
        }
        finally
        {
            Lock.Release();
        }
    }

    private Task PersistAsync(CancellationToken ct) => _store?.SaveAsync(World.State, ct) ?? Task.CompletedTask;
}
