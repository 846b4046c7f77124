using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Files;

/// <summary>
/// The checks every file the tool reads or writes goes through, before any AWS call: outputs replace only regular
/// files (never a device, a FIFO or a directory, which a rename would destroy or a write would block on), and the
/// config is a regular file of sensible size (a FIFO blocks for ever, /dev/zero never ends).
/// </summary>
internal static class SafeFiles
{
    /// <summary>Larger than any real config by far; a bigger file is a mistake (or /dev/zero), not something to parse.</summary>
    public const long MaxConfigBytes = 10 * 1024 * 1024;

    /// <summary>"-" for an --out option: write to standard output instead of a file.</summary>
    public const string StandardOutput = "-";

    /// <summary>Refuses an output path that exists and is not a regular file, or whose folder is not a folder.</summary>
    /// <param name="option">How the user named it, e.g. <c>--out</c>; <paramref name="fix"/> says what to pass instead.</param>
    public static void RequireWritableTarget(string path, string option, string fix)
    {
        var kind = FileKinds.Of(path);
        if (kind is not (FileKind.Regular or FileKind.Absent))
            throw new FileProblem($"{option} '{Shown(path)}' is {FileKinds.Describe(kind)}, not a regular file; nothing was written. {fix}");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        for (var ancestor = folder; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            var ancestorKind = FileKinds.Of(ancestor);
            if (ancestorKind == FileKind.Absent) continue; // created on write
            if (ancestorKind != FileKind.Directory)
                throw new FileProblem($"{option} '{Shown(path)}': '{Shown(ancestor)}' is {FileKinds.Describe(ancestorKind)}, not a folder. {fix}");
            break;
        }
    }

    /// <summary>The config's text, or a <see cref="FileProblem"/> saying why it can't be the config.</summary>
    /// <param name="stack">The stack the config belongs to, for the way out when it is missing.</param>
    public static string ReadConfig(string path, string? stack = null)
    {
        if (ConfigProblem(path) is not { } problem) return File.ReadAllText(path);
        var fix = FileKinds.Of(path) != FileKind.Absent ? "Pass --config <file> with the path of your collaborations.yaml."
            : stack is null ? "Run in the folder that holds collaborations.yaml, pass --config <file>, or create one with `cleanrooms-stack init`."
            : $"Create it with `cleanrooms-stack init --stack {Shown(stack)}`, or check --stack (or CLEANROOMS_STACK) and --config.";
        throw new FileProblem($"config file '{Shown(path)}' {problem}. {fix}");
    }

    /// <summary>Why <paramref name="path"/> can't be read as a config ("does not exist", "is a directory, not a regular file", …), or null.</summary>
    public static string? ConfigProblem(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Absent) return "does not exist";
        if (kind != FileKind.Regular) return $"is {FileKinds.Describe(kind)}, not a regular file";
        var length = new FileInfo(path).Length;
        return length > MaxConfigBytes ? $"is {length / 1048576.0:0.0} MB; a config is at most {MaxConfigBytes / (1024 * 1024)} MB" : null;
    }

    /// <summary>Refuses a --read-cache that is not a folder, or whose cache files are not regular files.</summary>
    public static void RequireCacheFolder(string folder, params string[] fileNames)
    {
        const string fix = "Pass --read-cache <folder> with a folder of its own (created if missing).";
        var kind = FileKinds.Of(folder);
        if (kind is not (FileKind.Directory or FileKind.Absent))
            throw new FileProblem($"--read-cache '{Shown(folder)}' is {FileKinds.Describe(kind)}, not a folder. {fix}");
        foreach (var fileName in fileNames) RequireWritableTarget(Path.Combine(folder, fileName), "--read-cache", fix);
    }

    /// <summary>A path as it may be printed: a file name can hold terminal control characters too.</summary>
    public static string Shown(string path) => TerminalText.Escape(path);
}
