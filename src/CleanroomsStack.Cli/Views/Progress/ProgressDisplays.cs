using CleanroomsStack.Cli.Commands;
using Spectre.Console;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>Picks the display for a run: live on a terminal that welcomes colour, plain lines otherwise.</summary>
internal static class ProgressDisplays
{
    /// <summary>How often the live view redraws: often enough to look alive, rare enough to cost nothing.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(150);

    /// <param name="target">Where the lines go (stdout for apply lines, stderr while reading, beside the reading header).</param>
    public static IProgressDisplay Start(RunProgress progress, CliIo io, TextWriter target, RunSettings settings)
    {
        // --verbose and --debug write a line per AWS call to stderr, which would tear a live view on the same terminal.
        if (io.IsInteractive && !settings.NoColor && !settings.Verbose && !settings.Debug)
            return new LiveProgressDisplay(Terminal(target), progress, Refresh);
        return new PlainProgressDisplay(TerminalSafe.Writer(target), progress, TimeProvider.System, io.StatusEvery);
    }

    private static IAnsiConsole Terminal(TextWriter target) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(target),
    });
}
