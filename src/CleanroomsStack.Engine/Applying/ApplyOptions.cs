namespace CleanroomsStack.Engine.Applying;

/// <summary>How an apply run paces itself.</summary>
/// <param name="Parallelism">Collaborations worked on at once (--parallel).</param>
/// <param name="ParallelismPerMembership">Changes in flight at once inside one membership.</param>
/// <param name="AllowLeave">Collaboration ids the operator allowed to leave (--allow-leave); no other membership is ever deleted.</param>
public sealed record ApplyOptions(int Parallelism = 4, int ParallelismPerMembership = 4, IReadOnlySet<string>? AllowLeave = null)
{
    public IReadOnlySet<string> AllowLeave { get; init; } = AllowLeave ?? new HashSet<string>();

    /// <summary>
    /// Attempts of one create (or of a call that needs a just-created parent) when the outcome is unknown, AWS throttles,
    /// or the parent is not visible yet. Between attempts the applier re-reads, so a repeat never duplicates.
    /// </summary>
    public RetryBudget Attempts { get; init; } = new(MaxAttempts: 8, BaseDelay: TimeSpan.FromMilliseconds(200),
        MaxDelay: TimeSpan.FromSeconds(3), MaxTotal: TimeSpan.FromSeconds(60));

    /// <summary>
    /// How long to wait for a resource that AWS says exists (ALREADY_EXISTS) to show up in reads, which lag behind
    /// writes for a few seconds.
    /// </summary>
    public RetryBudget Visibility { get; init; } = new(MaxAttempts: 12, BaseDelay: TimeSpan.FromMilliseconds(250),
        MaxDelay: TimeSpan.FromSeconds(2), MaxTotal: TimeSpan.FromSeconds(20));

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
