using System.Text.RegularExpressions;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>A command of a README example and the output the README shows for it.</summary>
/// <param name="Line">The command as written, after "$ ".</param>
/// <param name="Expected">The lines shown; a line "…" (indented or not) stands for any number of lines left out.</param>
public sealed record ReadmeCommand(string Line, IReadOnlyList<string> Expected);

/// <summary>The ```text blocks of README.md that show commands (lines starting "$ ") and what they print.</summary>
public static partial class ReadmeExamples
{
    public const string Elided = "…";

    public static IReadOnlyList<(int Line, IReadOnlyList<ReadmeCommand> Commands)> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<(int, IReadOnlyList<ReadmeCommand>)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "```text") continue;
            var start = i + 1;
            var end = Array.IndexOf(lines, "```", start);
            var commands = Commands(lines[start..end]);
            if (commands.Count > 0) blocks.Add((start, commands));
            i = end;
        }
        return blocks;
    }

    /// <summary>Whether <paramref name="actual"/> is what <paramref name="expected"/> shows: runs of shown lines appear in it in order, each run whole; "…" skips lines.</summary>
    public static bool Shows(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var runs = new List<List<string>> { new() };
        foreach (var line in expected)
        {
            if (line.Trim() == Elided) runs.Add([]);
            else runs[^1].Add(line);
        }
        var at = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var first = r == 0;
            var last = r == runs.Count - 1;
            var found = Enumerable.Range(at, Math.Max(0, actual.Count - run.Count - at + 1))
                .Where(p => !first || p == 0)
                .Where(p => !last || p + run.Count == actual.Count)
                .Cast<int?>()
                .FirstOrDefault(p => run.Select((l, k) => actual[p!.Value + k] == l).All(x => x));
            if (found is null) return false;
            at = found.Value + run.Count;
        }
        return true;
    }

    private static List<ReadmeCommand> Commands(string[] block)
    {
        var commands = new List<ReadmeCommand>();
        foreach (var line in block)
        {
            if (line.StartsWith("$ ", StringComparison.Ordinal)) commands.Add(new ReadmeCommand(line[2..], new List<string>()));
            else if (commands.Count > 0) ((List<string>)commands[^1].Expected).Add(line);
        }
        // A blank line before the next command separates the examples; it isn't output.
        return commands.Select(c => c with { Expected = c.Expected.Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList() }).ToList();
    }

    /// <summary>"cmd args | head -4  # exit 2; after …": the command, the pipe's filter, the comment.</summary>
    /// <returns>The filter is null when the command is not piped.</returns>
    public static (string Command, Func<IReadOnlyList<string>, IReadOnlyList<string>>? Filter, string Comment) Parse(string line)
    {
        var comment = line.Contains(" # ", StringComparison.Ordinal) ? line[(line.IndexOf(" # ", StringComparison.Ordinal) + 3)..].Trim() : "";
        var command = comment.Length > 0 ? line[..line.IndexOf(" # ", StringComparison.Ordinal)].Trim() : line.Trim();
        Func<IReadOnlyList<string>, IReadOnlyList<string>>? filter = null;
        if (Pipe().Match(command) is { Success: true } pipe)
        {
            var n = int.Parse(pipe.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            filter = pipe.Groups["tool"].Value == "head" ? l => l.Take(n).ToList() : l => l.TakeLast(n).ToList();
            command = command[..pipe.Index].Trim();
        }
        return (command, filter, comment);
    }

    [GeneratedRegex(@"\s*\|\s*(?<tool>head|tail) -(?<n>\d+)$")]
    private static partial Regex Pipe();
}
