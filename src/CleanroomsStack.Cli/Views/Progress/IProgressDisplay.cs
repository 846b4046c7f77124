using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>
/// Shows a run's <see cref="RunProgress"/> while it works: the line of each finished change as it comes, and the state
/// of the run (a live view on a terminal, a status line now and then in a log). Disposing it ends the display, so what
/// follows (the summary) prints below it.
/// </summary>
internal interface IProgressDisplay : IApplyObserver, IAsyncDisposable
{
    /// <summary>A line that must be seen at once, such as what the first Ctrl-C does.</summary>
    void Say(string line);
}
