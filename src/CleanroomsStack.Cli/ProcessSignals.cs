using System.Runtime.InteropServices;

namespace CleanroomsStack.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (CI, containers) for every command: the first cancels the run's token so the command
/// stops and says so (exit 130); a second one ends the process at once. System.CommandLine 2.0 handles neither by
/// default, and an embedded ASP.NET host would swallow them.
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    private static readonly TimeSpan ExitAfter = TimeSpan.FromSeconds(15);
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
        // A command stuck where cancellation can't reach (a blocking system call) must still end: after up's grace for
        // calls in flight (10 s) and its summary, the process exits on its own.
        _ = Task.Delay(ExitAfter).ContinueWith(_ => Environment.Exit(ExitCodes.Interrupted), TaskScheduler.Default);
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }
}
