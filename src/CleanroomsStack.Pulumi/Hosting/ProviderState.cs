using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Engine.Ports;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Hosting;

/// <summary>
/// What Configure set up for the life of the plugin process: the AWS connection, resolved exactly as the CLI resolves
/// it (<see cref="AwsContextResolver"/>, <see cref="CleanRoomsClientFactory"/>). The engine configures a provider once.
/// </summary>
public sealed class ProviderState
{
    private ICleanRoomsApi? api;

    public ProviderConfig? Config { get; private set; }

    public void Configure(ProviderConfig config)
    {
        var settings = config.ToAwsSettings();
        var context = AwsContextResolver.Resolve(settings);
        api = CleanRoomsClientFactory.Create(context, settings);
        Config = config;
    }

    /// <summary>The AWS client; a call before Configure is the engine's mistake, said as such.</summary>
    public ICleanRoomsApi Api => api ?? throw new RpcException(new Status(StatusCode.FailedPrecondition,
        "the cleanroomsstack provider is not configured yet: the engine must call Configure before any resource operation"));
}
