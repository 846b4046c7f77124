using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

/// <summary>Config and expansion problems, each with file:line:col and a hint.</summary>
internal static class DiagnosticsView
{
    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0) return;
        output = TerminalSafe.Writer(output); // messages quote names from AWS and the config file
        output.Write(DiagnosticsRenderer.Render(diagnostics));
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0) output.WriteLine("Nothing was changed.");
    }
}
