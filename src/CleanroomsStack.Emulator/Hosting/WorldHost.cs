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
        World = new World(current, options);
    }

    public EmulatorOptions Options { get; }
    public World World { get; }
    public SemaphoreSlim Lock { get; } = new(1, 1);

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

    /// <summary>A consistent JSON snapshot of every resource of every account.</summary>
    public async Task<string> SnapshotAsync(CancellationToken ct)
    {
        await Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return StateSerializer.Serialize(World.State);
        }
        finally
        {
            Lock.Release();
        }
    }

    private Task PersistAsync(CancellationToken ct) => _store?.SaveAsync(World.State, ct) ?? Task.CompletedTask;
}
