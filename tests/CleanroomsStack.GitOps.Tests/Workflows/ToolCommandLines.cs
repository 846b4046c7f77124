namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>
/// The cleanrooms-stack command lines of a shell script: each line whose command is the tool, cut at the first shell
/// operator (a redirection, pipe or list) or comment. The workflows use plain words and quoted variables ("$id", kept as
/// $id for the test to fill in) only, so splitting on blanks is exact; any other quote in such a line fails the test
/// rather than being guessed at.
/// </summary>
public static partial class ToolCommandLines
{
    public const string Tool = "cleanrooms-stack";
    private static readonly string[] Operators = [">", ">>", "2>", "2>&1", "|", "||", "&&", ";", "&"];

    public static IEnumerable<IReadOnlyList<string>> In(string script) =>
        script.Split('\n')
            .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length > 0 && words[0] == Tool)
            .Select(words => (IReadOnlyList<string>)words.Skip(1).TakeWhile(w => !Operators.Contains(w) && !w.StartsWith('#')).Select(Plain).ToList());

    private static string Plain(string word)
    {
        if (QuotedVariable().Match(word) is { Success: true } variable) return "$" + variable.Groups[1].Value;
        Assert.False(word.IndexOfAny(['"', '\'', '$', '`', '\\']) >= 0, $"'{word}': keep tool command lines in workflows to plain words");
        return word;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^""\$([a-z_]+)""$")]
    private static partial System.Text.RegularExpressions.Regex QuotedVariable();
}
