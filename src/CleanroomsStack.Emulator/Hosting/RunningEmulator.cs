using CleanroomsStack.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CleanroomsStack.Emulator;

/// <summary>A started emulator; dispose it to stop listening.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorldHost _host;

    internal RunningEmulator(WebApplication app, Uri endpoint, WorldHost host)
    {
        _app = app;
        _host = host;
        Endpoint = endpoint;
    }

    /// <summary>Base URL for every service, e.g. <c>http://127.0.0.1:4566</c>; pass it as the SDK's endpoint.</summary>
    public Uri Endpoint { get; }

    public EmulatorOptions Options => _host.Options;

    /// <summary>Every resource of every account, as JSON (the same format as world and state files).</summary>
    public Task<string> GetStateJsonAsync(CancellationToken ct = default) => _host.SnapshotAsync(ct);

    /// <summary>The fault settings in force.</summary>
    public FaultSettings Faults => _host.Faults.Settings;

    /// <summary>Replaces the fault settings at run time (same as <c>POST /_emulator/faults</c>).</summary>
    public void SetFaults(FaultSettings settings)
    {
        var problems = Emulator.Faults.FaultSettingsJson.Check(settings).ToList();
        if (problems.Count > 0) throw new ArgumentException($"Invalid fault settings: {string.Join(" ", problems)}", nameof(settings));
        _host.Faults.Apply(settings);
    }

    /// <summary>Per-operation counts of requests, throttled requests and injected faults.</summary>
    public IReadOnlyDictionary<string, OperationStats> GetStats() => _host.Stats.Snapshot();

    public void ResetStats() => _host.Stats.Reset();

    /// <summary>
    /// Requests received and not answered yet. One whose client gave up counts until the emulator has let go of it (it
    /// may have acted on it meanwhile, as AWS may), so tests wait for zero before they read what such requests did.
    /// </summary>
    public int RequestsInProgress => _host.RequestsInProgress;

    /// <summary>Back to the world's initial state.</summary>
    public Task ResetAsync(CancellationToken ct = default) => _host.ResetAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _host.SaveOnStopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
