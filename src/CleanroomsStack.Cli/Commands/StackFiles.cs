using System.Text.RegularExpressions;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// A stack's files: the stack NAME's config is collaborations.NAME.yaml beside the default stack's collaborations.yaml,
/// and what a run keeps per config (audit log, read cache) gets the same ".NAME" before its extension, so stacks in one
/// folder never share one. Stack names are file-name safe by construction.
/// </summary>
internal static partial class StackFiles
{
    /// <summary>Selects the stack when --stack is not given; empty means the default stack.</summary>
    public const string Variable = "CLEANROOMS_STACK";

    /// <summary><paramref name="path"/> with ".NAME" before its extension: collaborations.yaml → collaborations.dev.yaml.</summary>
    public static string Of(string path, string stack) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{stack}{Path.GetExtension(path)}");

    /// <summary>The file for <paramref name="stack"/>, or <paramref name="path"/> itself for the default stack.</summary>
    public static string For(string path, string? stack) => stack is null ? path : Of(path, stack);

    /// <summary>Why <paramref name="name"/> (from <paramref name="source"/>) can't name a stack, or null when it can.</summary>
    public static string? Problem(string name, string source) =>
        Name().IsMatch(name) ? null
            : $"{source} '{Core.Rendering.TerminalText.Escape(name)}' is not a stack name: use 1-40 letters, digits, '-' or '_', starting with a letter or digit (e.g. dev, prod).";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex Name();
}
