namespace CleanroomsStack.Engine.Applying;

/// <summary>How an apply run paces itself (see <see cref="OperationLanes"/>).</summary>
/// <param name="Parallelism">
/// Collaborations in progress at once (--parallel). Their ready changes feed the operation lanes, so it must be large
/// enough that every operation has work waiting, even when collaborations are small and mostly wait on their
/// dependency chain (membership → association → rule).
/// </param>
/// <param name="AllowLeave">Collaboration ids the operator allowed to leave (--allow-leave); no other membership is ever deleted.</param>
public sealed record ApplyOptions(int Parallelism = ApplyOptions.DefaultParallelism, IReadOnlySet<string>? AllowLeave = null)
{
    public const int DefaultParallelism = 16;

    /// <summary>
    /// Changes of one kind (resource kind × action, i.e. one AWS operation) in flight at once across the run, unless
    /// <see cref="Pace"/> sets it. The AWS client's rate limiter paces each operation; the lane only needs to keep that
    /// limiter's queue from running dry (see <see cref="InFlightToKeepUp"/>) while keeping short what an interruption
    /// lets finish.
    /// </summary>
    public int InFlightPerOperation { get; init; } = MinInFlightPerOperation;

    /// <summary>
    /// The AWS client's current fastest rate (requests/s), which it raises and lowers as it learns the account's
    /// quotas: when set, every lane is one second of it wide (<see cref="InFlightToKeepUp"/>) and follows it.
    /// </summary>
    public Func<double>? Pace { get; init; }

    /// <summary>How many changes of one kind may be in flight right now.</summary>
    public int LaneWidth => Pace is { } pace ? InFlightToKeepUp(pace()) : InFlightPerOperation;

    /// <summary>Changes in flight at once in the whole run; by default only the lanes bound it (1: one change at a time).</summary>
    public int MaxInFlight { get; init; } = int.MaxValue;

    private const int MinInFlightPerOperation = 8;

    /// <summary>
    /// A lane wide enough for one second of an operation's requests at the client's rate: an AWS call rarely takes
    /// that long, so the rate limiter, not the lane, sets the pace (a lane of 8 at 100 requests/s and 200 ms a call
    /// would cap the operation at 40/s). Never narrower than 8, which covers AWS's 5/s and an unthrottled emulator.
    /// </summary>
    public static int InFlightToKeepUp(double requestsPerSecond) =>
        double.IsFinite(requestsPerSecond) ? (int)Math.Clamp(Math.Ceiling(requestsPerSecond), MinInFlightPerOperation, 10_000) : MinInFlightPerOperation;

    public IReadOnlySet<string> AllowLeave { get; init; } = AllowLeave ?? new HashSet<string>();

    /// <summary>
    /// Attempts of one create (or of a call that needs a just-created parent) when the outcome is unknown, AWS throttles,
    /// or the parent is not visible yet. Between attempts the applier re-reads, so a repeat never duplicates.
    /// </summary>
    public RetryBudget Attempts { get; init; } = new(MaxAttempts: 30, BaseDelay: TimeSpan.FromMilliseconds(200),
        MaxDelay: TimeSpan.FromSeconds(3), MaxTotal: TimeSpan.FromSeconds(60));

    /// <summary>
    /// How long to wait for a resource that AWS says exists (ALREADY_EXISTS) to show up in reads, which lag behind
    /// writes: AWS's CloudFormation handlers poll for up to 60 × 1 s, so a minute by default.
    /// </summary>
    public RetryBudget Visibility { get; init; } = new(MaxAttempts: 40, BaseDelay: TimeSpan.FromMilliseconds(250),
        MaxDelay: TimeSpan.FromSeconds(2), MaxTotal: TimeSpan.FromSeconds(60));

    /// <summary>After an interruption, how long calls already in flight may take to finish before they are abandoned.</summary>
    public TimeSpan InFlightGrace { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>A bounded exponential backoff with full jitter: never more than MaxAttempts tries nor MaxTotal time.</summary>
public sealed record RetryBudget(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan MaxTotal)
{
    /// <summary>The delay before attempt <paramref name="attempt"/> (2 for the first repeat).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 20)));
        // Half fixed, half random: concurrent runs spread out, yet every wait makes progress against a lagging read.
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    public bool Allows(int attempt, TimeSpan elapsed) => attempt <= MaxAttempts && elapsed < MaxTotal;
}
