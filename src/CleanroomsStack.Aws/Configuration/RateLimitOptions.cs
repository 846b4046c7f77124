namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// Client-side token bucket per operation. AWS Clean Rooms throttles most control-plane operations at about
/// 5 requests/s per operation per account, so the default stays at that rate with a small burst.
/// </summary>
/// <param name="RequestsPerSecond">Default rate for every operation (e.g. from --max-rps).</param>
/// <param name="Burst">How many requests may go out back to back after an idle period.</param>
/// <param name="PerOperation">Overrides by operation name (e.g. "CreateConfiguredTableAssociation" → 2).</param>
public sealed record RateLimitOptions(
    double RequestsPerSecond,
    int Burst,
    IReadOnlyDictionary<string, double>? PerOperation = null)
{
    public static RateLimitOptions Default { get; } = new(RequestsPerSecond: 5, Burst: 2);

    /// <summary>No client-side limit (tests that count requests exactly).</summary>
    public static RateLimitOptions Unlimited { get; } = new(RequestsPerSecond: double.PositiveInfinity, Burst: int.MaxValue);

    /// <summary>Rejects rates that can't work, naming the setting, before any call is made.</summary>
    public void Validate()
    {
        if (!(RequestsPerSecond > 0))
        {
            throw new AwsConfigurationException(
                $"The request rate must be a positive number of requests per second (--max-rps), not {RequestsPerSecond}.");
        }
        if (Burst < 1) throw new AwsConfigurationException($"The request burst must be at least 1, not {Burst}.");
        foreach (var (operation, rate) in PerOperation ?? new Dictionary<string, double>())
        {
            if (!(rate > 0))
            {
                throw new AwsConfigurationException(
                    $"The request rate for {operation} must be a positive number of requests per second, not {rate}.");
            }
        }
    }

    public double RateFor(string operation) =>
        PerOperation is not null && PerOperation.TryGetValue(operation, out var rate) ? rate : RequestsPerSecond;
}
