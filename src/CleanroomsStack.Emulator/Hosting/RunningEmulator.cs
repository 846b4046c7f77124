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

    /// <summary>Back to the world's initial state.</summary>
    public Task ResetAsync(CancellationToken ct = default) => _host.ResetAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
