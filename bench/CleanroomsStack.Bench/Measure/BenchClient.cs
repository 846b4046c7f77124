using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Bench.Measure;

/// <summary>
/// Our own AWS client (<see cref="CleanRoomsClientFactory"/>: SigV4, retries, per-operation token bucket) as one of the
/// world's accounts, pointed at the emulator: what the sequential peer and the out-of-band drift use.
/// </summary>
public static class BenchClient
{
    public const string Region = "us-east-1";

    public static ICleanRoomsApi Create(string endpoint, double requestsPerSecond, string account = DemoWorld.OurAccount)
    {
        var credentials = new BasicAWSCredentials(DemoWorld.AccessKeyId(account), DemoWorld.SecretAccessKey(account));
        var endpoints = ServiceEndpoints.Resolve(endpoint, Region, _ => null);
        var context = new ResolvedAwsContext(credentials, Region, endpoints, $"bench account {account}");
        var settings = new AwsSettings(Region: Region, EndpointUrl: endpoint)
        {
            RateLimit = RateLimitOptions.KnownQuota(requestsPerSecond),
        };
        return CleanRoomsClientFactory.Create(context, settings);
    }

    /// <summary>The environment a child process (the CLI, the peer) needs to act as our account; never printed.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string account = DemoWorld.OurAccount) => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = DemoWorld.AccessKeyId(account),
        ["AWS_SECRET_ACCESS_KEY"] = DemoWorld.SecretAccessKey(account),
        ["AWS_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["NO_COLOR"] = "1",
    };
}
