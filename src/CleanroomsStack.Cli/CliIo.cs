namespace CleanroomsStack.Cli;

/// <summary>
/// The console as the commands see it. Tests pass string writers; the real program passes the process console.
/// </summary>
/// <param name="IsInteractive">Both ends are a terminal: colours and live views are welcome.</param>
public sealed record CliIo(TextWriter Out, TextWriter Error, bool IsInteractive, Func<string?> ReadLine)
{
    /// <summary>
    /// Someone can answer a question: stdin is a terminal, even when stdout goes to a pipe (<c>up | tee up.log</c>).
    /// </summary>
    public bool CanPrompt { get; init; } = IsInteractive;

    /// <summary>
    /// How often plain progress (a log, --no-color) repeats the state of a run while it works; null: never, for output
    /// that must not depend on timing (tests compare it with golden files).
    /// </summary>
    public TimeSpan? StatusEvery { get; init; }
    /// <summary>Reads an environment variable (NO_COLOR, CLEANROOMS_STACK); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public static CliIo FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected, Console.ReadLine)
        {
            CanPrompt = !Console.IsInputRedirected,
            StatusEvery = TimeSpan.FromSeconds(10),
        };

    /// <summary>A non-interactive console (as in CI) writing to the given writers.</summary>
    public static CliIo Captured(TextWriter output, TextWriter error) =>
        new(TextWriter.Synchronized(output), TextWriter.Synchronized(error), false, () => null);
}
