using System.Globalization;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Hosting;

/// <summary>
/// The provider's configuration (<c>cleanroomsstack:region</c>, <c>profile</c>, <c>endpointUrl</c>, <c>maxRps</c>): the
/// same choices as the CLI's --region, --profile, --endpoint-url and --max-rps, resolved by the same code.
/// </summary>
public sealed record ProviderConfig(string? Region, string? Profile, string? EndpointUrl, double? MaxRps)
{
    public static IReadOnlyList<string> Keys { get; } = ["region", "profile", "endpointUrl", "maxRps"];

    /// <summary>Reads the checked inputs; problems are returned per key, all at once.</summary>
    public static (ProviderConfig? Config, IReadOnlyList<(string Key, string Reason)> Failures) Read(ObjectValue inputs)
    {
        var failures = new List<(string, string)>();
        foreach (var key in inputs.Properties.Keys.Where(k => !Keys.Contains(k) && k != "version"))
            failures.Add((key, $"unknown provider setting '{key}'; the settings are {string.Join(", ", Keys)}"));
        string? Text(string key) => inputs[key] switch
        {
            null or NullValue => null,
            StringValue s when s.Value.Length > 0 => s.Value,
            StringValue => null,
            SecretValue { Inner: StringValue s } => s.Value,
            _ => Fail<string>(key, "must be a string"),
        };
        T? Fail<T>(string key, string reason) where T : class
        {
            failures.Add((key, $"{key} {reason}"));
            return null;
        }
        var rps = inputs["maxRps"] switch
        {
            null or NullValue => (double?)null,
            NumberValue n => n.Value,
            // Pulumi passes stack config as strings when it has no schema type for a key.
            StringValue s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        if (rps is { } r && !(r > 0)) failures.Add(("maxRps", "maxRps must be a number of requests per second above 0"));
        var endpoint = Text("endpointUrl");
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            failures.Add(("endpointUrl", $"endpointUrl '{endpoint}' is not an absolute URL"));
        var config = new ProviderConfig(Text("region"), Text("profile"), endpoint, rps);
        return (failures.Count == 0 ? config : null, failures);
    }

    /// <summary>The CLI's AWS settings for these choices (a maxRps paces each operation as --max-rps does).</summary>
    public AwsSettings ToAwsSettings() => new(Profile, Region, EndpointUrl)
    {
        RateLimit = MaxRps is { } rps ? RateLimitOptions.KnownQuota(rps) : RateLimitOptions.Default,
    };
}
