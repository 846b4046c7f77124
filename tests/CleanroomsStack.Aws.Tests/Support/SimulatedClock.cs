using Microsoft.Extensions.Time.Testing;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>
/// Fake time for a run of concurrent calls over real HTTP. The clock moves only when every caller is waiting on one
/// of its timers (a rate-limit turn or a backoff), and then jumps to the earliest one due. So a request reaches the
/// server at exactly the fake moment its caller sent it however slow the machine is, the run is the same whichever
/// thread a woken caller continues on, and minutes of simulated traffic take seconds.
/// Give the client and the server the same instance. It starts at the real time because the SigV4 signer dates
/// requests by the real clock and a server checks that date against this one.
/// </summary>
internal sealed class SimulatedClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<PendingTimer> _pending = [];
    private int _busyCallers;

    public SimulatedClock() => SetUtcNow(DateTimeOffset.UtcNow);

    /// <summary>
    /// Makes <paramref name="calls"/> calls from <paramref name="callers"/> callers at once, each caller starting its
    /// next call when its last one is done, and moves time on whenever all of them wait on this clock.
    /// </summary>
    public Task RunCallsAsync(int calls, int callers, Func<Task> call)
    {
        var remaining = calls;
        return RunAsync(callers, async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0) await call();
        });
    }

    /// <summary>
    /// Runs <paramref name="callers"/> copies of <paramref name="caller"/> at once and moves time on whenever all of
    /// them wait on this clock; returns when all are done.
    /// </summary>
    public async Task RunAsync(int callers, Func<Task> caller)
    {
        if (Interlocked.CompareExchange(ref _busyCallers, callers, 0) != 0) throw new InvalidOperationException("One run at a time.");
        var run = Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            try { await caller(); }
            finally { Interlocked.Decrement(ref _busyCallers); }
        })));
        var idleSince = DateTime.UtcNow;
        while (!run.IsCompleted)
        {
            if (NextDueWhileAllWait() is { } next)
            {
                // Under the gate, so no caller creates a timer while time moves: its due time and ours would differ.
                lock (_gate)
                {
                    SetUtcNow(next.Due > GetUtcNow() ? next.Due : GetUtcNow());
                    if (_pending.Contains(next)) throw new InvalidOperationException($"A timer due at {next.Due:O} did not fire at that time.");
                }
                idleSince = DateTime.UtcNow;
                continue;
            }
            // Someone is still working in real time (a request in flight): give it a moment.
            if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(60))
                throw new TimeoutException("The callers neither finished nor waited on the clock for 60 s of real time.");
            await Task.WhenAny(run, Task.Delay(1));
        }
        await run;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay makes one-shot timers; a periodic one would stay pending forever and stall RunAsync's count.
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero) throw new NotSupportedException("Only one-shot timers are simulated.");
        lock (_gate)
        {
            // The simulated due time and the base timer's are taken at one moment of the clock.
            var pending = new PendingTimer(GetUtcNow() + dueTime);
            _pending.Add(pending);
            var timer = base.CreateTimer(s => { Forget(pending); callback(s); }, state, dueTime, period);
            return new TrackedTimer(timer, () => Forget(pending));
        }
    }

    private PendingTimer? NextDueWhileAllWait()
    {
        lock (_gate)
        {
            var busy = Volatile.Read(ref _busyCallers);
            if (_pending.Count > busy) throw new InvalidOperationException($"{_pending.Count} timers for {busy} callers: something else waits on this clock.");
            return busy > 0 && _pending.Count == busy ? _pending.MinBy(p => p.Due) : null;
        }
    }

    private void Forget(PendingTimer pending)
    {
        lock (_gate) _pending.Remove(pending);
    }

    private sealed class PendingTimer(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;
    }

    /// <summary>The fake timer, which also stops counting as pending once it is disposed before firing.</summary>
    private sealed class TrackedTimer(ITimer inner, Action forget) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("Simulated timers are not rescheduled.");

        public void Dispose()
        {
            forget();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
