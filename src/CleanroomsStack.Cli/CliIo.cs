namespace CleanroomsStack.Cli;

/// <summary>
/// The console as the commands see it. Tests pass string writers; the real program passes the process console.
/// </summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, bool IsInteractive, Func<string?> ReadLine)
{
    public static CliIo FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected, Console.ReadLine);

    /// <summary>A non-interactive console (as in CI) writing to the given writers.</summary>
    public static CliIo Captured(TextWriter output, TextWriter error) =>
        new(TextWriter.Synchronized(output), TextWriter.Synchronized(error), false, () => null);
}
