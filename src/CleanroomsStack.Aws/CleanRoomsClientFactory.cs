using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Aws.Glue;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws;

/// <summary>
/// Builds the HTTP implementations of the AWS ports, for the real AWS or the local emulator. The returned clients
/// are <see cref="IDisposable"/> (they own their HTTP connections); the Clean Rooms client also implements
/// <see cref="Schemas.ICollaborationSchemaApi"/>.
/// </summary>
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
    /// <param name="rates">The per-operation rate limiter to pace with, when the caller wants to read what it learns; by default a new one from <see cref="AwsSettings.RateLimit"/>.</param>
    public static ICleanRoomsApi Create(ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer = null, OperationRateLimiter? rates = null) =>
        Create(context, settings, observer, TimeProvider.System, Random.Shared.NextDouble, rates);

    /// <summary>A Glue Data Catalog reader with the same credentials, retries, rate limits and telemetry.</summary>
    public static IGlueCatalogApi CreateGlueCatalog(ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer = null)
    {
        var (executor, http) = CreateExecutor(context, settings, observer, TimeProvider.System, Random.Shared.NextDouble);
        return new GlueCatalogClient(executor, http);
    }

    internal static ICleanRoomsApi Create(
        ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer, TimeProvider time, Func<double> random, OperationRateLimiter? rates = null)
    {
        var (executor, http) = CreateExecutor(context, settings, observer, time, random, rates);
        return new CleanRoomsClient(executor, http);
    }

    private static (AwsCallExecutor Executor, HttpMessageInvoker Http) CreateExecutor(
        ResolvedAwsContext context, AwsSettings settings, IAwsCallObserver? observer, TimeProvider time, Func<double> random,
        OperationRateLimiter? rates = null)
    {
        settings.RateLimit.Validate();
        settings.Retry.Validate();
        var http = SigningPipeline.Create(context.Credentials, context.Region);
        var executor = new AwsCallExecutor(
            http,
            context.Endpoints,
            new BackoffPolicy(settings.Retry, random),
            rates ?? new OperationRateLimiter(settings.RateLimit, time),
            observer ?? NullCallObserver.Instance,
            time,
            settings.Gate ?? new CallGate());
        return (executor, http);
    }
}
