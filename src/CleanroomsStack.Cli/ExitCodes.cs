namespace CleanroomsStack.Cli;

/// <summary>Every exit code the CLI can return, named once.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad input, a refused operation, or a failed change.</summary>
    public const int Error = 1;
    /// <summary>With --detailed-exitcode (and for drift): the plan has changes.</summary>
    public const int Changes = 2;
    /// <summary>Interrupted by Ctrl-C / SIGTERM.</summary>
    public const int Interrupted = 130;
}
