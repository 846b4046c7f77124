using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Http;

/// <summary>
/// The HTTP handler chain: AWSSDK.Core's <see cref="SigV4SigningHandler"/> over a plain socket handler. Retries live
/// above this chain (in <see cref="AwsCallExecutor"/>) so each attempt is signed afresh. Redirects are not followed:
/// a followed redirect would not be re-signed, and AWS control-plane APIs don't redirect.
/// </summary>
internal static class SigningPipeline
{
    public static HttpMessageInvoker Create(AWSCredentials credentials, string region)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            // With a custom endpoint the SDK can't infer the region from the host, so it is always set explicitly.
            Region = RegionEndpoint.GetBySystemName(region),
            Service = AwsService.CleanRooms.SigningName(),
        };
        return new HttpMessageInvoker(new SigV4SigningHandler(parameters, transport), disposeHandler: true);
    }
}
