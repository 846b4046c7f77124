using Amazon.Runtime;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Credentials;

/// <summary>
/// Everything needed to call AWS for one account in one region: credentials (resolved lazily by the SDK, so refreshing
/// kinds such as SSO and assume-role keep working), the region, and the endpoint of each service.
/// </summary>
public sealed class ResolvedAwsContext(AWSCredentials credentials, string region, ServiceEndpoints endpoints, string credentialSource)
{
    public AWSCredentials Credentials { get; } = credentials;
    public string Region { get; } = region;
    public ServiceEndpoints Endpoints { get; } = endpoints;

    /// <summary>Where the credentials came from, for messages: "profile 'dev'" or "the default credential chain".</summary>
    public string CredentialSource { get; } = credentialSource;

    /// <summary>Never prints a key: only where credentials came from and the region.</summary>
    public override string ToString() => $"{CredentialSource}, region {Region}";
}
