using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// Passes each finished change to the audit log; when a line can't be written (full disk, revoked permission) it stops
/// scheduling instead of crashing mid-run, and keeps the failure for the report: a change must not go unaudited
/// silently, and no further change should start without its line.
/// </summary>
internal sealed class AuditFailureStop(IApplyObserver audit, Action stopScheduling) : IApplyObserver
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Core.Planning.ResourceAddress Address, bool Record)> unaudited = new();
    private Exception? firstError;

    /// <summary>The first write that failed, or null when every line was written.</summary>
    public Exception? Error => firstError;

    /// <summary>
    /// The addresses of the changes that finished (the calls in flight finish after the stop), and of the memberships
    /// whose record was written, that have no line in the log.
    /// </summary>
    public IReadOnlyCollection<(Core.Planning.ResourceAddress Address, bool Record)> Unaudited => unaudited;

    public void OnStarted(Core.Planning.ResourceChange change) => audit.OnStarted(change);

    public void OnFinished(ChangeOutcome outcome) => Audit(() => audit.OnFinished(outcome), (outcome.Change.Address, false));

    public void OnRecorded(RecordOutcome record) => Audit(() => audit.OnRecorded(record), (record.Address, true));

    private void Audit(Action write, (Core.Planning.ResourceAddress, bool) address)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unaudited.Enqueue(address);
            if (Interlocked.CompareExchange(ref firstError, e, null) is null) stopScheduling();
        }
    }
}
