using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views;

/// <summary>One plain line per finished change, safe for CI logs (no cursor movement, no colour).</summary>
internal sealed class PlainProgressView(TextWriter output) : IApplyObserver
{
    private readonly Lock gate = new();

    public void OnStarted(ResourceChange change) { }

    public void OnWaiting(ResourceChange change, string message)
    {
        lock (gate) output.WriteLine($"… {change.Address}: {message}");
    }

    public void OnFinished(ChangeOutcome outcome)
    {
        var info = outcome.Change.Action.Info();
        var line = outcome.Status switch
        {
            OutcomeStatus.Succeeded => $"{info.Symbol} {info.PastTense} {outcome.Change.Address} ({outcome.Elapsed.TotalSeconds:0.0}s)",
            OutcomeStatus.Failed => $"! failed to {info.Verb} {outcome.Change.Address}: {outcome.Message}",
            _ => $"  skipped {outcome.Change.Address}: {outcome.Message}",
        };
        lock (gate) output.WriteLine(line);
    }
}
