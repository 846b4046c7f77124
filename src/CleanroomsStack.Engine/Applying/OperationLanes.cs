using System.Collections.Concurrent;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Admits the changes of a whole run, across all its collaborations, into one lane per kind of change (resource kind ×
/// action, i.e. per AWS operation, which AWS meters separately): at most <see cref="ApplyOptions.LaneWidth"/> in flight
/// per lane (and at most <see cref="ApplyOptions.MaxInFlight"/> in all). The width follows the AWS client's rate as it
/// learns the account's quotas (<see cref="ApplyOptions.Pace"/>).
/// <para>
/// Why lanes and not slots per collaboration: the AWS client paces each operation on its own token bucket, so a change
/// waiting for its operation's rate holds its slot without using anything. Had a collaboration's changes shared slots,
/// its associations queued on the association rate would keep its ready rules from the idle rule rate: operations would
/// take turns and the run would last the sum of their times. With a lane per operation every operation's rate stays
/// busy at once, and the run lasts about as long as its busiest operation.
/// </para>
/// Waiters are admitted first come, first served, so the collaborations that became ready first finish first.
/// </summary>
internal sealed class OperationLanes(ApplyOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<(ResourceKind, ChangeAction), ElasticLane> lanes = new();
    private readonly SemaphoreSlim inFlight = new(Math.Max(1, options.MaxInFlight));

    /// <summary>Waits for room in the change's lane; null when <paramref name="stop"/> fired first (the change must not start).</summary>
    public async Task<IDisposable?> EnterAsync(ResourceChange change, CancellationToken stop)
    {
        var lane = lanes.GetOrAdd((change.Kind, change.Action), _ => new ElasticLane(() => options.LaneWidth));
        if (stop.IsCancellationRequested || !await lane.EnterAsync(stop)) return null;
        // The lane first, then the run-wide cap: whoever holds a run-wide slot is already running, never waiting on a lane.
        if (await TryWaitAsync(inFlight, stop)) return new Lease(lane, inFlight);
        lane.Leave();
        return null;
    }

    public void Dispose() => inFlight.Dispose();

    private static async Task<bool> TryWaitAsync(SemaphoreSlim semaphore, CancellationToken stop)
    {
        if (stop.IsCancellationRequested) return false;
        try
        {
            await semaphore.WaitAsync(stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed class Lease(ElasticLane lane, SemaphoreSlim inFlight) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 1) return;
            inFlight.Release();
            lane.Leave();
        }
    }
}
