using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.Engine.Applying;

public enum OutcomeStatus { Succeeded, Failed, Skipped }

/// <summary>What happened to one planned change.</summary>
/// <param name="Message">For a failure: the AWS error in plain words; for a skip: which change it depends on and why.</param>
/// <param name="Hint">For a failure: what to do about it.</param>
/// <param name="ErrorCode">For a failure: the AWS error code (e.g. ConflictException), or null when it wasn't an AWS error.</param>
/// <param name="Adopted">True when the resource already existed (a concurrent run, or an earlier run whose response was lost) and was taken over.</param>
/// <param name="Calls">The AWS calls made for this change, with their request ids, in order.</param>
public sealed record ChangeOutcome(
    ResourceChange Change, OutcomeStatus Status, TimeSpan Elapsed, string? AwsId = null, string? Message = null,
    string? Hint = null, string? ErrorCode = null, bool Adopted = false, IReadOnlyList<AwsCall>? Calls = null)
{
    /// <summary>
    /// The request id of the call that decided the outcome: the last write that reached AWS (reads follow a create
    /// until it is visible, and don't decide anything), or the last call when there was no write.
    /// </summary>
    public string? RequestId =>
        (Calls?.LastOrDefault(c => c.RequestId is not null && !IsRead(c.Operation)) ?? Calls?.LastOrDefault(c => c.RequestId is not null))?.RequestId;

    /// <summary>Whether an operation only reads (Get, List, BatchGet), so calling it changed nothing.</summary>
    public static bool IsRead(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("BatchGet", StringComparison.Ordinal);
}

public sealed record ApplyResult(IReadOnlyList<ChangeOutcome> Outcomes, TimeSpan Duration, bool Cancelled)
{
    /// <summary>The memberships whose record of what they manage was written (or failed to be), by address.</summary>
    public IReadOnlyList<RecordOutcome> Records { get; init; } = [];

    public bool Succeeded => !Cancelled && Outcomes.All(o => o.Status == OutcomeStatus.Succeeded) && Records.All(r => r.Status == OutcomeStatus.Succeeded);

    public int Count(OutcomeStatus status) => Outcomes.Count(o => o.Status == status);

    public IEnumerable<ChangeOutcome> With(OutcomeStatus status) => Outcomes.Where(o => o.Status == status);
}

/// <summary>
/// How the engine reports progress. The engine never writes to the console; the CLI supplies views and tests a recorder.
/// Calls may come from several threads at once.
/// </summary>
public interface IApplyObserver
{
    void OnStarted(ResourceChange change);

    void OnFinished(ChangeOutcome outcome);

    /// <summary>A change has long been waiting for AWS's reads to show a write (<see cref="VisibilityWait"/>); once per change.</summary>
    void OnWaiting(ResourceChange change, string message) { }

    /// <summary>A membership's record of what it manages was written, or failed to be (<see cref="RecordWriter"/>).</summary>
    void OnRecorded(RecordOutcome record) { }
}

public sealed class NullApplyObserver : IApplyObserver
{
    public static readonly NullApplyObserver Instance = new();

    public void OnStarted(ResourceChange change) { }

    public void OnFinished(ChangeOutcome outcome) { }
}

/// <summary>Several observers as one (e.g. the progress view and the audit log), called in order.</summary>
public sealed class CompositeApplyObserver(params IApplyObserver[] observers) : IApplyObserver
{
    public void OnStarted(ResourceChange change)
    {
        foreach (var o in observers) o.OnStarted(change);
    }

    public void OnFinished(ChangeOutcome outcome)
    {
        foreach (var o in observers) o.OnFinished(outcome);
    }

    public void OnWaiting(ResourceChange change, string message)
    {
        foreach (var o in observers) o.OnWaiting(change, message);
    }

    public void OnRecorded(RecordOutcome record)
    {
        foreach (var o in observers) o.OnRecorded(record);
    }
}
