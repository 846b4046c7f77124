namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// Client-side pacing per operation. AWS Clean Rooms throttles each control-plane operation on its own, at 5
/// requests/s per account by default (20 for GetConfiguredTable and GetProtectedQuery), and accounts may have had
/// their quotas raised. By default (<see cref="Discover"/>) the client starts at those documented rates and finds the
/// account's real ones (<see cref="Http.CubicRateDiscovery"/>); a known quota (<c>--max-rps</c>) is never exceeded.
/// </summary>
/// <param name="RequestsPerSecond">The rate of every operation: where discovery starts, or the known quota.</param>
/// <param name="Burst">How many requests may go out back to back after an idle period.</param>
/// <param name="PerOperation">Overrides by operation name (e.g. "GetConfiguredTable" → 20).</param>
public sealed record RateLimitOptions(
    double RequestsPerSecond,
    int Burst,
    IReadOnlyDictionary<string, double>? PerOperation = null)
{
    /// <summary>The highest rate the client ever paces an operation at (and the highest --max-rps).</summary>
    public const double MaxRequestsPerSecond = 10_000;

    /// <summary>
    /// True: the rates are where each operation starts, and the client raises them while the service doesn't throttle.
    /// False: they are the account's known quotas, never exceeded.
    /// </summary>
    public bool Discover { get; init; }

    /// <summary>What an earlier run learned per operation, where discovery starts instead (ignored for known quotas).</summary>
    public IReadOnlyDictionary<string, RememberedRate>? Remembered { get; init; }

    /// <summary>AWS's documented rates, where discovery starts.</summary>
    public static RateLimitOptions Default { get; } = new(RequestsPerSecond: 5, Burst: 2, new Dictionary<string, double>
    {
        ["GetConfiguredTable"] = 20,
        ["GetProtectedQuery"] = 20,
    }) { Discover = true };

    /// <summary>The account's known quota for every operation (--max-rps): the client starts there and never exceeds it.</summary>
    public static RateLimitOptions KnownQuota(double requestsPerSecond) => new(requestsPerSecond, Default.Burst);

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

/// <summary>An operation's rate as an earlier run left it (see <see cref="Http.OperationRate"/>).</summary>
/// <param name="IsEstimate">The service throttled it there (an estimate of its quota), rather than "at least this fast".</param>
public sealed record RememberedRate(double RequestsPerSecond, bool IsEstimate);
