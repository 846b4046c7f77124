using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// Shell completion: <c>completion bash|zsh</c> prints a script for the shell's startup file; the script asks the tool
/// itself (<c>cleanrooms-stack __complete WORDS…</c>) for the candidates, so completion always matches the installed version.
/// </summary>
internal static class ShellCompletion
{
    public const string CompleteVerb = "__complete";

    private const string Bash = """
        # cleanrooms-stack completion for bash: add `source <(cleanrooms-stack completion bash)` to ~/.bashrc
        _cleanrooms_stack() {
          local IFS=$'\n'
          COMPREPLY=( $(cleanrooms-stack __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
        }
        complete -o default -F _cleanrooms_stack cleanrooms-stack

        """;

    public static Command Create(CliIo io)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion",
            "Print a shell completion script.\n" +
            "Examples:\n" +
            "  source <(cleanrooms-stack completion bash)        in ~/.bashrc\n" +
            "  source <(cleanrooms-stack completion zsh)         in ~/.zshrc") { shell };
        command.SetAction(parsed =>
        {
            // zsh runs the bash script through its bash-compatibility layer.
            var prefix = parsed.GetValue(shell) == "zsh" ? "autoload -U +X bashcompinit && bashcompinit\n" : "";
            io.Out.Write(prefix + Bash);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Prints the candidates for the last word of <paramref name="words"/> (empty when starting a new word).</summary>
    public static int Complete(Command root, IReadOnlyList<string> words, TextWriter output)
    {
        var line = string.Join(' ', words.Select(w => w.Contains(' ') ? $"\"{w}\"" : w));
        foreach (var item in root.Parse(line).GetCompletions(line.Length).Select(c => c.Label).Distinct())
            output.WriteLine(item);
        return ExitCodes.Success;
    }
}
