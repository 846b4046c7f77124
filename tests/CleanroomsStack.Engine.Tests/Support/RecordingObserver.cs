using System.Collections.Concurrent;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>Records every finished change and can act after the n-th one (to interrupt or kill a run at a chosen point).</summary>
public sealed class RecordingObserver(int actAfter = int.MaxValue, Action? act = null) : IApplyObserver
{
    private int finished;

    public ConcurrentQueue<ChangeOutcome> Finished { get; } = new();

    public ConcurrentQueue<ResourceChange> Started { get; } = new();

    public void OnStarted(ResourceChange change) => Started.Enqueue(change);

    public void OnFinished(ChangeOutcome outcome)
    {
        Finished.Enqueue(outcome);
        if (outcome.Status == OutcomeStatus.Succeeded && Interlocked.Increment(ref finished) == actAfter) act?.Invoke();
    }
}
