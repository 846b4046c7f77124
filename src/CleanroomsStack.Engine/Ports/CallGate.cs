namespace CleanroomsStack.Engine.Ports;

/// <summary>
/// Stops a client from starting AWS calls while those already sent finish: the first Ctrl-C of a run closes it. A
/// client with a gate passes every attempt through it (after the rate limiter's wait, before each retry), so a call
/// queued on the rate limiter when the gate closes is never sent; it fails with <see cref="CallNotStartedException"/>.
/// Closing only cancels what waits: the calls in flight go on, and whoever closes learns how many there are.
/// </summary>
public sealed class CallGate
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource closing = new();
    private int inFlight;
    private long admitted;
    private bool closed;

    /// <summary>Cancelled when the gate closes: whatever waits for its turn to send gives up.</summary>
    public CancellationToken Closed => closing.Token;

    /// <summary>Attempts sent and not answered yet.</summary>
    public int InFlight
    {
        get { lock (gate) return inFlight; }
    }

    /// <summary>Attempts the gate has let through since it was made.</summary>
    public long Admitted
    {
        get { lock (gate) return admitted; }
    }

    /// <summary>Closes the gate (again, harmlessly) and returns how many attempts are in flight: they alone still reach AWS.</summary>
    public int Close()
    {
        int now;
        lock (gate)
        {
            closed = true;
            now = inFlight;
        }
        // Outside the lock: cancelling runs the waiters' continuations, which may come back to Enter.
        closing.Cancel();
        return now;
    }

    /// <summary>Lets one attempt be sent (dispose the result when its answer came), or refuses it once the gate is closed.</summary>
    public IDisposable Enter(string operation)
    {
        lock (gate)
        {
            if (closed) throw new CallNotStartedException(operation, Closed);
            inFlight++;
            admitted++;
        }
        return new Admission(this);
    }

    private sealed class Admission(CallGate owner) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 1) return;
            lock (owner.gate) owner.inFlight--;
        }
    }
}

/// <summary>A call that was never sent because its <see cref="CallGate"/> closed (the run is stopping); AWS saw nothing of it.</summary>
public sealed class CallNotStartedException(string operation, CancellationToken token)
    : OperationCanceledException($"{operation} was not sent: the run is stopping", token)
{
    public string Operation { get; } = operation;
}
