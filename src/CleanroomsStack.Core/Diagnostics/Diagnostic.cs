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

    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var kind = Severity == Severity.Error ? "error" : "warning";
        var hint = Hint is null ? "" : $"\n  hint: {Hint}";
        return $"{where}{kind} {Code}: {Message}{hint}";
    }
}

public static class DiagnosticListExtensions
{
    public static bool HasErrors(this IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == Severity.Error);
}
