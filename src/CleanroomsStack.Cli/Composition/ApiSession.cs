using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Emulator;
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

    private ApiSession(ICleanRoomsApi api, string region, string description, RunningEmulator? emulator)
    {
        Api = api;
        Region = region;
        this.description = description;
        this.emulator = emulator;
    }

    public ICleanRoomsApi Api { get; }

    public string Region { get; }

    /// <summary>Where the calls go, for messages; never includes a secret.</summary>
    public string Describe() => description;

    public static async Task<ApiSession> OpenAsync(RunSettings settings, string? configRegion, CancellationToken ct)
    {
        if (!settings.Local)
        {
            var aws = new AwsSettings(settings.Profile, settings.Region, settings.EndpointUrl) { FallbackRegion = configRegion };
            var context = AwsContextResolver.Resolve(aws);
            return new ApiSession(CleanRoomsClientFactory.Create(context, aws, AwsCallTrailForwarder.Instance), context.Region, $"AWS ({context})", null);
        }

        if (settings.ResetLocal && Directory.Exists(settings.LocalDir)) Directory.Delete(settings.LocalDir, recursive: true);
        var running = await EmulatorServer.StartAsync(new EmulatorOptions { StateDirectory = settings.LocalDir }, ct);
        var region = settings.Region ?? configRegion ?? new EmulatorOptions().Region;
        var local = new AwsSettings(Region: region, EndpointUrl: running.Endpoint.ToString());
        var credentials = new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount));
        var endpoints = ServiceEndpoints.Resolve(running.Endpoint.ToString(), region, _ => null);
        var localContext = new ResolvedAwsContext(credentials, region, endpoints, $"demo account {DemoWorld.OurAccount}");
        var api = CleanRoomsClientFactory.Create(localContext, local, AwsCallTrailForwarder.Instance);
        return new ApiSession(api, region, $"the local emulator ({settings.LocalDir}, demo account {DemoWorld.OurAccount})", running);
    }

    public async ValueTask DisposeAsync()
    {
        if (emulator is not null) await emulator.DisposeAsync();
    }
}
