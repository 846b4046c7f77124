using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws;

/// <summary>Builds the HTTP implementation of <see cref="ICleanRoomsApi"/> for the real AWS or the local emulator.</summary>
public static class CleanRoomsClientFactory
{
    /// <summary>
    /// Resolves credentials, region and endpoints as the AWS CLI does and returns a client for them.
    /// Throws <see cref="AwsConfigurationException"/> (or its <see cref="AwsCredentialsException"/> subtype) with an
    /// actionable message when they can't be resolved.
    /// </summary>
    public static ICleanRoomsApi Create(AwsSettings settings, IAwsCallObserver? observer = null) =>
        Create(AwsContextResolver.Resolve(settings), settings, observer);

    /// <summary>A client for an already resolved context (tests, or callers that print the context first).</summary>
    public static ICleanRoomsApi Create(ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer = null) =>
        Create(context, settings, observer, transport: null, time: TimeProvider.System, random: Random.Shared.NextDouble);

    internal static ICleanRoomsApi Create(
        ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer,
        HttpMessageHandler? transport, TimeProvider time, Func<double> random)
    {
        var http = SigningPipeline.Create(context.Credentials, context.Region, transport);
        var executor = new AwsCallExecutor(
            http,
            context.Endpoints,
            new BackoffPolicy(settings.Retry, random),
            new OperationRateLimiter(settings.RateLimit, time),
            observer ?? NullCallObserver.Instance,
            time);
        return new CleanRoomsClient(executor, http);
    }
}
