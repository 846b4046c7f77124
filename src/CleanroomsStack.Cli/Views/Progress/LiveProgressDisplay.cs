using System.Collections.Concurrent;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>
/// Progress on a terminal (Spectre.Console's live display): a few lines at the bottom that move (a spinner, the
/// headline of <see cref="ProgressText"/>, the changes running for over 10 s, what a Ctrl-C does), with the line of
/// each finished change printed above them, where it stays. One loop does every write, so lines from parallel changes
/// never interleave with a redraw. Everything shown is escaped, since names come from AWS and files.
/// </summary>
internal sealed class LiveProgressDisplay : IProgressDisplay
{
    private const string EraseToEndOfScreen = "\u001b[0J";

    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly IAnsiConsole console;
    private readonly RunProgress progress;
    private readonly TimeSpan refresh;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly CancellationTokenSource finish = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly Task loop;
    private int frame;

    public LiveProgressDisplay(IAnsiConsole console, RunProgress progress, TimeSpan refresh)
    {
        this.console = console;
        this.progress = progress;
        this.refresh = refresh;
        loop = Task.Run(RunAsync);
    }

    public void OnStarted(ResourceChange change) { }

    public void OnWaiting(ResourceChange change, string message) => Say(ApplyLines.Waiting(change, message, progress.Names));

    public void OnFinished(ChangeOutcome outcome) => Say(ApplyLines.Finished(outcome, progress.Names));

    public void Say(string line)
    {
        lines.Enqueue(line);
        wake.Release(); // shown at the next redraw, which this brings forward
    }

    /// <summary>
    /// What the live area shows for a snapshot: the spinner and headline, the long-running changes, the stopping notice;
    /// each row cut at <paramref name="width"/> rather than wrapped, so the area keeps its height.
    /// </summary>
    public static IRenderable Frame(ProgressSnapshot snapshot, string spinner, int width)
    {
        var rows = new List<IRenderable>
        {
            Row($"{spinner} {ProgressText.Headline(snapshot)}", width, new Style(decoration: Decoration.Bold)),
        };
        rows.AddRange(ProgressText.StillRunning(snapshot).Select(l => Row("  " + l, width, new Style(Color.Grey))));
        if (snapshot.StoppingWithCallsInFlight is { } inFlight) rows.Add(Row(ProgressText.Stopping(inFlight), width, new Style(Color.Yellow)));
        return new Rows(rows);
    }

    private async Task RunAsync()
    {
        await console.Live(Frame(progress.Snapshot(), Spinner[0], console.Profile.Width))
            .AutoClear(true)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Top)
            .StartAsync(async context =>
            {
                while (!finish.IsCancellationRequested)
                {
                    Redraw(context);
                    try
                    {
                        await wake.WaitAsync(refresh, finish.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The run ended: the last lines are printed below.
                    }
                }
                Redraw(context);
            });
    }

    private void Redraw(LiveDisplayContext context)
    {
        var above = new List<IRenderable>();
        while (lines.TryDequeue(out var line)) above.Add(Line(line, Style.Plain));
        // Spectre puts what is written during a live display where the live area was, then redraws the area below;
        // it doesn't erase that area first, so a line shorter than the row it replaces would keep the row's tail.
        if (above.Count > 0 && console.Profile.Capabilities.Ansi) above.Insert(0, new ControlCode(EraseToEndOfScreen));
        if (above.Count > 0) console.Write(new Rows(above));
        context.UpdateTarget(Frame(progress.Snapshot(), Spinner[frame++ % Spinner.Length], console.Profile.Width));
        context.Refresh();
    }

    /// <summary>A line printed above the live area, where it stays (wrapped if long), escaped.</summary>
    private static Text Line(string text, Style style) => new(TerminalText.Escape(text), style);

    /// <summary>A row of the live area, escaped and cut to the width.</summary>
    private static Text Row(string text, int width, Style style)
    {
        var escaped = TerminalText.Escape(text);
        return new Text(escaped.Length <= width - 1 ? escaped : escaped[..Math.Max(0, width - 2)] + "…", style);
    }

    public async ValueTask DisposeAsync()
    {
        await finish.CancelAsync();
        await loop;
        finish.Dispose();
        wake.Dispose();
    }
}
