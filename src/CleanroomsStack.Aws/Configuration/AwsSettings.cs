namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// What the user asked for on the command line. Every member is optional: anything left null is resolved the way
/// the AWS CLI resolves it (environment variables, shared config and credentials files).
/// </summary>
/// <param name="Profile">--profile: a named profile from the shared config/credentials files.</param>
/// <param name="Region">--region: wins over AWS_REGION, AWS_DEFAULT_REGION and the profile's region.</param>
/// <param name="EndpointUrl">--endpoint-url: sends every service (Clean Rooms, Entity Resolution, STS) to this URL.</param>
public sealed record AwsSettings(string? Profile = null, string? Region = null, string? EndpointUrl = null)
{
    /// <summary>The region to use when nothing else names one (the config file's <c>defaults.region</c>).</summary>
    public string? FallbackRegion { get; init; }

    /// <summary>Retry budget for throttling, 5xx and connection failures.</summary>
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>Client-side request rate per operation (AWS Clean Rooms allows about 5 requests/s per operation).</summary>
    public RateLimitOptions RateLimit { get; init; } = RateLimitOptions.Default;

    /// <summary>Closed on the first Ctrl-C of a run: no call starts after it (those in flight finish). None: never closed.</summary>
    public Engine.Ports.CallGate? Gate { get; init; }
}
