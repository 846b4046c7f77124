using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Provider;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Hosting;

/// <summary>
/// What Configure set up for the life of the plugin process: the AWS connection, resolved exactly as the CLI resolves
/// it (<see cref="AwsContextResolver"/>, <see cref="CleanRoomsClientFactory"/>). The engine configures a provider once.
/// </summary>
public sealed class ProviderState
{
    private ICleanRoomsApi? api;
    private ResourceEngine? engine;
    private string? callerAccount;

    public ProviderConfig? Config { get; private set; }

    /// <summary>The region the calls go to, as resolved from the config and the environment.</summary>
    public string Region { get; private set; } = "";

    public void Configure(ProviderConfig config)
    {
        var settings = config.ToAwsSettings();
        var context = AwsContextResolver.Resolve(settings);
        api = CleanRoomsClientFactory.Create(context, settings);
        engine = new ResourceEngine(api);
        Region = context.Region;
        Config = config;
    }

    /// <summary>The AWS client; a call before Configure is the engine's mistake, said as such.</summary>
    public ICleanRoomsApi Api => api ?? throw NotConfigured();

    /// <summary>The kinds' engines over <see cref="Api"/>.</summary>
    public ResourceEngine Engine => engine ?? throw NotConfigured();

    /// <summary>A role name lives in the caller's account (as in collaborations.yaml); an ARN is taken as written.</summary>
    public async Task<string> RoleArnAsync(string role, CancellationToken ct)
    {
        if (role.StartsWith("arn:", StringComparison.Ordinal)) return role;
        callerAccount ??= (await Api.GetCallerIdentityAsync(ct)).Account;
        return CollaborationExpander.RoleArn(role, callerAccount);
    }

    private static RpcException NotConfigured() => new(new Status(StatusCode.FailedPrecondition,
        "the cleanroomsstack provider is not configured yet: the engine must call Configure before any resource operation"));
}
