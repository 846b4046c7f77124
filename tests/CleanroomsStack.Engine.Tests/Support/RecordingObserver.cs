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

    /// <summary>Every start and finish in the order they happened, to tell what was in flight together.</summary>
    public ConcurrentQueue<(bool Started, ResourceChange Change)> Timeline { get; } = new();

    public void OnStarted(ResourceChange change)
    {
        Timeline.Enqueue((true, change));
        Started.Enqueue(change);
    }

    public void OnFinished(ChangeOutcome outcome)
    {
        Timeline.Enqueue((false, outcome.Change));
        Finished.Enqueue(outcome);
        if (outcome.Status == OutcomeStatus.Succeeded && Interlocked.Increment(ref finished) == actAfter) act?.Invoke();
    }
}
