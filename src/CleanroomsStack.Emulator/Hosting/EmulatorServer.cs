using System.Net;
using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Hosting;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Worlds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanroomsStack.Emulator;

/// <summary>Starts the emulator: Kestrel on one port for every service, quiet unless something breaks.</summary>
public static class EmulatorServer
{
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faultProblems = FaultSettingsJson.Check(options.Faults).ToList();
        if (faultProblems.Count > 0) throw new ArgumentException($"Invalid fault settings: {string.Join(" ", faultProblems)}", nameof(options));
        var initial = WorldLoader.Load(options.WorldFile);
        var store = options.StateDirectory is null ? null : new StateStore(options.StateDirectory, options.SyncStateToDisk);
        var current = store?.TryLoad() ?? StateSerializer.Clone(initial);
        var host = new WorldHost(options, initial, current, store);
        var dispatcher = new RequestDispatcher(ServiceCatalog.Build(), host);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        // The program that embeds the emulator (the CLI, a test) owns the process's signals: the host's console
        // lifetime would swallow SIGINT/SIGTERM and leave that program waiting for ever.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        // Stopping waits at most this long for requests in flight, so a signal ends the process within 2 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(ResolveAddress(options.Host), options.Port);
        });

        var app = builder.Build();
        var admin = new AdminApi(host);
        app.Run(http => AdminApi.Handles(http) ? admin.HandleAsync(http) : dispatcher.HandleAsync(http));
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var endpoint = new Uri($"http://{FormatHost(options.Host)}:{port}");
        return new RunningEmulator(app, endpoint, host);
    }

    private static IPAddress ResolveAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "0.0.0.0" => IPAddress.Any,
        _ => IPAddress.TryParse(host, out var ip)
            ? ip
            : throw new ArgumentException($"Host '{host}' is not an IP address; use 127.0.0.1 (default), localhost or 0.0.0.0.", nameof(host)),
    };

    private static string FormatHost(string host) => host switch
    {
        "*" or "0.0.0.0" or "localhost" => "127.0.0.1",
        _ when IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"[{host}]",
        _ => host,
    };
}
