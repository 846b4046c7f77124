using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views;

/// <summary>One plain line per finished change, safe for CI logs (no cursor movement, no colour).</summary>
internal sealed class PlainProgressView(TextWriter output, ChangeNames names) : IApplyObserver
{
    private readonly Lock gate = new();

    public void OnStarted(ResourceChange change) { }

    public void OnWaiting(ResourceChange change, string message)
    {
        lock (gate) output.WriteLine(ApplyLines.Waiting(change, message, names));
    }

    public void OnFinished(ChangeOutcome outcome)
    {
        lock (gate) output.WriteLine(ApplyLines.Finished(outcome, names));
    }
}
