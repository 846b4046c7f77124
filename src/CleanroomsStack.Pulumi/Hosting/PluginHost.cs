using System.Net;
using CleanroomsStack.Pulumi.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanroomsStack.Pulumi.Hosting;

/// <summary>
/// The plugin process: an HTTP/2 gRPC server on 127.0.0.1 at a port the OS picks, announced on stdout once it
/// listens. The generic host stops it on SIGINT and SIGTERM (how the engine ends a plugin).
/// </summary>
public static class PluginHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        // The engine address (args[0]) would let us log through the engine; we log to stderr, which the engine shows too.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<ProviderState>();
        builder.Services.AddSingleton<ResourceOperations>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<ErrorInterceptor>());
        await using var app = builder.Build();
        app.MapGrpcService<ResourceProviderService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.Out.WriteLine(new Uri(address).Port);
        Console.Out.Flush();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
