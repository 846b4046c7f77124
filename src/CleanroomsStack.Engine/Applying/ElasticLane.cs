namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// An async gate that admits at most <c>width()</c> holders at once, first come, first served, where the width may
/// change while the gate is in use (it follows the rate the AWS client learns): it is read whenever someone enters
/// or leaves, so a wider lane admits waiters at once and a narrower one admits nobody new until enough have left.
/// </summary>
internal sealed class ElasticLane(Func<int> width)
{
    private readonly Lock gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiters = new();
    private int holders;

    /// <summary>Waits for room; false when <paramref name="stop"/> fired first (the caller holds nothing then).</summary>
    public async Task<bool> EnterAsync(CancellationToken stop)
    {
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (gate)
        {
            node = waiters.AddLast(waiter);
            AdmitWaiting();
        }
        await using var registration = stop.Register(() =>
        {
            lock (gate)
            {
                // Not admitted yet: leave the queue. Admitted meanwhile: the caller holds a place and must leave it.
                if (node.List is not null) waiters.Remove(node);
            }
            waiter.TrySetResult(false);
        });
        return await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Gives back a place taken by a successful <see cref="EnterAsync"/>.</summary>
    public void Leave()
    {
        lock (gate)
        {
            holders--;
            AdmitWaiting();
        }
    }

    private void AdmitWaiting()
    {
        var room = Math.Max(1, width());
        while (holders < room && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            if (first.Value.TrySetResult(true)) holders++;
        }
    }
}
