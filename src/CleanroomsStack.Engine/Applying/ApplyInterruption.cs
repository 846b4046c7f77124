using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// The two stages of stopping a run. <see cref="Stop"/> (Ctrl-C, SIGTERM): start nothing new, let calls in flight
/// finish. <see cref="Abort"/>: give up on calls in flight too; it follows <see cref="Stop"/> after a grace period,
/// or at once on <see cref="AbortNow"/> (a second Ctrl-C). With the client's <see cref="CallGate"/>, the stop also closes
/// the gate, so calls queued on the rate limiter or for a retry are never sent.
/// </summary>
public sealed class ApplyInterruption : IDisposable
{
    private readonly CancellationTokenSource abort = new();
    private readonly CancellationTokenRegistration onStop;

    public ApplyInterruption(CancellationToken stop, TimeSpan grace, CallGate? gate = null)
    {
        Stop = stop;
        onStop = stop.Register(() =>
        {
            gate?.Close();
            try
            {
                abort.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
                // The run ended before the stop arrived; nothing is in flight.
            }
        });
    }

    public CancellationToken Stop { get; }

    public CancellationToken Abort => abort.Token;

    public void AbortNow()
    {
        try
        {
            abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        onStop.Dispose();
        abort.Dispose();
    }
}
