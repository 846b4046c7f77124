using System.CommandLine;
using System.CommandLine.Parsing;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Mistakes;

/// <summary>
/// A command line that doesn't parse, reported as one error, the closest command or option (by edit distance), and
/// where the help is: the whole help after a typo would scroll the suggestion away.
/// </summary>
internal static class ParseErrorReport
{
    public static int Write(ParseResult parsed, TextWriter error)
    {
        var command = parsed.CommandResult;
        if (parsed.UnmatchedTokens is [var unknown, ..])
        {
            var isOption = unknown.StartsWith('-');
            var commands = CommandPaths(parsed.RootCommandResult.Command, parsed.RootCommandResult.Command.Name).ToList();
            var suggestion = Suggestions.Closest(unknown, isOption ? VisibleOptionNames(command) : commands.Select(c => c.Word));
            error.WriteLine(isOption
                ? $"error: unknown option '{TerminalText.Escape(unknown)}' for `{PathOf(command)}`."
                : $"error: unknown command or argument '{TerminalText.Escape(unknown)}' for `{PathOf(command)}`.");
            var help = !isOption && suggestion is not null ? commands.First(c => c.Word == suggestion).Path : PathOf(command);
            error.WriteLine(suggestion is null
                ? $"  hint: see `{help} --help`."
                : $"  hint: did you mean `{suggestion}`? See `{help} --help`.");
            return ExitCodes.Error;
        }
        foreach (var problem in parsed.Errors.Select(e => e.Message).Distinct())
            error.WriteLine($"error: {TerminalText.Escape(problem)}");
        error.WriteLine($"  hint: see `{PathOf(command)} --help`.");
        return ExitCodes.Error;
    }

    /// <summary>The options this command accepts: its own and those its ancestors share with it.</summary>
    private static IEnumerable<string> VisibleOptionNames(CommandResult command)
    {
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
            foreach (var option in current.Command.Options.Where(o => ReferenceEquals(result, command) || o.Recursive))
                foreach (var name in option.Aliases.Prepend(option.Name)) yield return name;
    }

    /// <summary>Every command of the tree by each word that names it, with the words that lead to it (<c>pulumi</c>: <c>cleanrooms-stack export pulumi</c>).</summary>
    private static IEnumerable<(string Word, string Path)> CommandPaths(Command parent, string parentPath) =>
        parent.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name).Select(word => (word, $"{parentPath} {c.Name}"))
            .Concat(CommandPaths(c, $"{parentPath} {c.Name}")));

    /// <summary>The words that lead to a command, e.g. <c>cleanrooms-stack export pulumi</c>.</summary>
    private static string PathOf(CommandResult command)
    {
        var words = new List<string>();
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent) words.Insert(0, current.Command.Name);
        return string.Join(' ', words);
    }
}
