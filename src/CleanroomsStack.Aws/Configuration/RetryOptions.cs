namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// Bounds for retrying a failed call: exponential backoff with full jitter, capped per delay, per attempt count and
/// in total time, so a run never retries for longer than the user is willing to wait.
/// </summary>
public sealed record RetryOptions(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan MaxTotalTime,
    TimeSpan AttemptTimeout)
{
    /// <summary>
    /// Ten attempts: against 30 % transient failures a call still fails only with probability 0.3^10 ≈ 6·10⁻⁶,
    /// so a run of hundreds of calls rides it out; the delays (at most 20 s each) fit the two-minute budget.
    /// </summary>
    public static RetryOptions Default { get; } = new(
        MaxAttempts: 10,
        BaseDelay: TimeSpan.FromMilliseconds(200),
        MaxDelay: TimeSpan.FromSeconds(20),
        MaxTotalTime: TimeSpan.FromMinutes(2),
        AttemptTimeout: TimeSpan.FromSeconds(30));

    /// <summary>
    /// The least wait before retrying after ValidationException IAM_SYNCHRONIZATION_DELAY: a new role or policy takes
    /// seconds to reach Clean Rooms, so the first short backoffs would only spend attempts.
    /// </summary>
    public TimeSpan IamPropagationDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long to keep retrying an endpoint that can't be reached at all (DNS, refused, TLS): a blip passes within
    /// seconds, while a wrong --endpoint-url or region never does and should be reported, not waited out.
    /// </summary>
    public TimeSpan UnreachableTotalTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Rejects budgets that can't work, naming the setting, before any call is made.</summary>
    public void Validate()
    {
        if (MaxAttempts < 1) throw new AwsConfigurationException($"The number of attempts per AWS call must be at least 1, not {MaxAttempts}.");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new AwsConfigurationException("The retry delays must satisfy 0 <= base delay <= maximum delay.");
        }
        if (MaxTotalTime <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero)
        {
            throw new AwsConfigurationException("The retry time budget and the per-attempt timeout must be positive.");
        }
    }

    /// <summary>One attempt only: useful for tests of error mapping.</summary>
    public static RetryOptions None { get; } = Default with { MaxAttempts = 1 };
}
