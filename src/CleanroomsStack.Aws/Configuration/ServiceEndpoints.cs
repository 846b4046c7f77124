namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// Where each service is reached. Precedence as in the AWS CLI: --endpoint-url, then the per-service variable
/// (AWS_ENDPOINT_URL_CLEANROOMS, ...), then AWS_ENDPOINT_URL, then the regional default https://{service}.{region}.amazonaws.com.
/// </summary>
public sealed class ServiceEndpoints
{
    private readonly IReadOnlyDictionary<AwsService, Uri> _endpoints;

    private ServiceEndpoints(IReadOnlyDictionary<AwsService, Uri> endpoints, bool anyCustom, string region)
    {
        _endpoints = endpoints;
        AnyCustom = anyCustom;
        Region = region;
    }

    /// <summary>The region the endpoints were resolved for (named when an endpoint can't be reached).</summary>
    public string Region { get; }

    /// <summary>True when at least one service goes to a user-supplied endpoint (an emulator, a proxy).</summary>
    public bool AnyCustom { get; }

    public Uri For(AwsService service) => _endpoints[service];

    /// <param name="explicitEndpoint">The --endpoint-url value, if any.</param>
    /// <param name="region">The resolved region (used for default endpoints).</param>
    /// <param name="environment">Reads one environment variable; injected so tests don't touch the process environment.</param>
    public static ServiceEndpoints Resolve(string? explicitEndpoint, string region, Func<string, string?> environment)
    {
        var endpoints = new Dictionary<AwsService, Uri>();
        var anyCustom = false;
        foreach (var service in Enum.GetValues<AwsService>())
        {
            var (custom, source) = FirstSet(
                (explicitEndpoint, "--endpoint-url"),
                (environment(service.EndpointEnvironmentVariable()), service.EndpointEnvironmentVariable()),
                (environment("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"));
            if (custom is null)
            {
                endpoints[service] = new Uri($"https://{service.SigningName()}.{region}.amazonaws.com");
                continue;
            }
            endpoints[service] = ParseEndpoint(custom, source);
            anyCustom = true;
        }
        return new ServiceEndpoints(endpoints, anyCustom, region);
    }

    private static (string? Value, string Source) FirstSet(params (string? Value, string Source)[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate.Value)) return (candidate.Value.Trim(), candidate.Source);
        }
        return (null, "");
    }

    private static Uri ParseEndpoint(string value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }
        throw new AwsConfigurationException(
            $"{source} is '{value}', which is not an http(s) URL. Use a full URL such as http://127.0.0.1:4566.");
    }
}
