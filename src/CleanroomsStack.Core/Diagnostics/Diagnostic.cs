namespace CleanroomsStack.Core.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>A place in a source file; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A user-facing problem as a value (never an exception): what is wrong, where, and how to fix it.
/// Codes are stable so docs and tests can refer to them.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location = null, string? Hint = null)
{
    public static Diagnostic Error(string code, string message, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Error, code, message, location, hint);

    public static Diagnostic Warning(string code, string message, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Warning, code, message, location, hint);

    /// <summary><c>file:line:col: error CODE: message</c> and the hint, as the CLI prints it (without colour).</summary>
    public override string ToString() => Rendering.DiagnosticsRenderer.Line(this, new Rendering.TextStyle(false));
}

public static class DiagnosticListExtensions
{
    public static bool HasErrors(this IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == Severity.Error);
}
