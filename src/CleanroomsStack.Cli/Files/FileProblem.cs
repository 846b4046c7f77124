namespace CleanroomsStack.Cli.Files;

/// <summary>
/// A file the command can't use, found before it did anything: reported as one line that names the path and the fix
/// (never a stack trace), exit code 1.
/// </summary>
internal sealed class FileProblem(string message) : Exception(message);
