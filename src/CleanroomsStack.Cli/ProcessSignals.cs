using System.Runtime.InteropServices;

namespace CleanroomsStack.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (CI, containers) for every command: the first cancels the run's token so the command
/// stops and says so (exit 130); a second one ends the process at once. System.CommandLine 2.0 handles neither by
/// default, and an embedded ASP.NET host would swallow them.
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public ProcessSignals()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (stop.IsCancellationRequested) return; // the default action: the process ends (up handles its own second signal)
        context.Cancel = true;
        stop.Cancel();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }
}
