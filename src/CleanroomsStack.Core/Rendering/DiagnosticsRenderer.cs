using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// Diagnostics as compilers print them: <c>file:line:col: error CODE: message</c> and an indented hint,
/// ordered by position, then a count line.
/// </summary>
public static class DiagnosticsRenderer
{
    public static string Render(IEnumerable<Diagnostic> diagnostics, bool colour = false)
    {
        var style = new TextStyle(colour);
        var ordered = Ordered(diagnostics).ToList();
        var writer = new StringWriter { NewLine = "\n" };
        foreach (var diagnostic in ordered)
            writer.WriteLine(Line(diagnostic, style));
        var errors = ordered.Count(d => d.Severity == Severity.Error);
        var warnings = ordered.Count - errors;
        if (ordered.Count > 0)
            writer.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}.");
        return writer.ToString();
    }

    /// <summary>One diagnostic with its hint, without the trailing count line.</summary>
    public static string Line(Diagnostic diagnostic, TextStyle style)
    {
        var where = diagnostic.Location is null ? "" : $"{diagnostic.Location}: ";
        var kind = diagnostic.Severity == Severity.Error ? style.Error("error") : style.Warning("warning");
        var hint = diagnostic.Hint is null ? "" : $"\n  hint: {diagnostic.Hint}";
        return $"{where}{kind} {diagnostic.Code}: {diagnostic.Message}{hint}";
    }

    /// <summary>Positioned diagnostics by file and position; unpositioned ones after them, in their original order.</summary>
    public static IEnumerable<Diagnostic> Ordered(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location is null)
        .ThenBy(d => d.Location?.File, StringComparer.Ordinal)
        .ThenBy(d => d.Location?.Line)
        .ThenBy(d => d.Location?.Column);

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
