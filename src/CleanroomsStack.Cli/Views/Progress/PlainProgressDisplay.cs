using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>
/// Progress for logs and for anyone who asked for no colour: plain lines only, no cursor movement. A line per finished
/// change as it comes, and every <c>statusEvery</c> the state of the run (and the changes running for over 10 s), so a
/// CI job that waits on AWS's rate still prints something (CI runners kill jobs that stay silent).
/// </summary>
internal sealed class PlainProgressDisplay : IProgressDisplay
{
    private readonly Lock gate = new();
    private readonly TextWriter output;
    private readonly RunProgress progress;
    private readonly ITimer? timer;

    /// <param name="output">Escapes what it is given (<see cref="TerminalSafe.Writer"/>).</param>
    /// <param name="statusEvery">Null: no status lines (output that must not depend on timing).</param>
    public PlainProgressDisplay(TextWriter output, RunProgress progress, TimeProvider time, TimeSpan? statusEvery)
    {
        this.output = output;
        this.progress = progress;
        if (statusEvery is { } every) timer = time.CreateTimer(_ => WriteStatus(), null, every, every);
    }

    public void OnStarted(ResourceChange change) { }

    public void OnWaiting(ResourceChange change, string message) => Say(ApplyLines.Waiting(change, message, progress.Names));

    public void OnFinished(ChangeOutcome outcome) => Say(ApplyLines.Finished(outcome, progress.Names));

    public void Say(string line)
    {
        lock (gate) output.WriteLine(line);
    }

    /// <summary>The headline and the changes running long, written as one block.</summary>
    public void WriteStatus()
    {
        var snapshot = progress.Snapshot();
        lock (gate)
        {
            output.WriteLine("… " + ProgressText.Headline(snapshot));
            foreach (var line in ProgressText.StillRunning(snapshot)) output.WriteLine("  " + line);
        }
    }

    public ValueTask DisposeAsync() => timer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
