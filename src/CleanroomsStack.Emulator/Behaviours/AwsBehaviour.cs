namespace CleanroomsStack.Emulator;

/// <summary>
/// How the emulator plays the parts of AWS Clean Rooms that differ from a naive control plane (docs/emulator.md,
/// "What AWS does that we model"; shared/reference/aws-semantics.md has the sources). Each is switchable because the
/// sources are unsure which way AWS goes, and the engine must converge either way. JSON names are the admin API's
/// (<c>"behaviour"</c> inside <c>/_emulator/faults</c>) and match the <c>emulator</c> command's flags.
/// </summary>
public sealed record AwsBehaviour
{
    /// <summary>What AWS most likely does (the defaults of the emulator): 403 for missing resources, one second of lag, two of readiness delay.</summary>
    public static readonly AwsBehaviour Defaults = new();

    /// <summary>A naive control plane: 404 for missing resources, no lag, readiness at once. For tests about something else entirely.</summary>
    public static readonly AwsBehaviour Naive = new() { MissingAs = NotFound, LagMs = 0, ReadinessDelayMs = 0 };

    public const string AccessDenied = "AccessDenied";
    public const string NotFound = "NotFound";
    public const string LeaveListed = "listed";
    public const string LeaveGone = "gone";

    /// <summary>
    /// How Get/Update/Delete (and a child's Create) of a Clean Rooms resource that doesn't exist or isn't visible yet
    /// answers: <c>AccessDenied</c> (403 AccessDeniedException, as AWS's own CloudFormation handlers report) or
    /// <c>NotFound</c> (404 ResourceNotFoundException).
    /// </summary>
    public string MissingAs { get; init; } = AccessDenied;

    /// <summary>
    /// Read-after-write lag: for this long after its creation a resource is missing from Get, List and schema reads,
    /// and a child created under it answers as if it did not exist. Measured on the emulator's clock.
    /// </summary>
    public int LagMs { get; init; } = 1000;

    /// <summary>
    /// Readiness takes time: for this long after an analysis rule (the configured table's or the association's) is
    /// created, the schema status in the collaboration doesn't count it yet (still NOT_READY with the reason of before).
    /// AWS takes minutes; the default is short so local runs stay quick. Measured on the emulator's clock.
    /// </summary>
    public int ReadinessDelayMs { get; init; } = 2000;

    /// <summary>A ConflictException on a repeated create carries no <c>reason</c> (the model makes it optional).</summary>
    public bool ConflictWithoutReason { get; init; }

    /// <summary>After leaving, the membership stays <c>listed</c> as REMOVED, or is <c>gone</c> from Get and List.</summary>
    public string Leave { get; init; } = LeaveListed;

    /// <summary>Each list page after the first repeats the previous page's last item, as an eventually consistent listing may.</summary>
    public bool RepeatListItems { get; init; }

    public IEnumerable<string> Problems()
    {
        if (MissingAs is not (AccessDenied or NotFound)) yield return $"behaviour.missingAs must be \"{AccessDenied}\" or \"{NotFound}\".";
        if (LagMs < 0) yield return "behaviour.lagMs must not be negative.";
        if (ReadinessDelayMs < 0) yield return "behaviour.readinessDelayMs must not be negative.";
        if (Leave is not (LeaveListed or LeaveGone)) yield return $"behaviour.leave must be \"{LeaveListed}\" or \"{LeaveGone}\".";
    }
}
