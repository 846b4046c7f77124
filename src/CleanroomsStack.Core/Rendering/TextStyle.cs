using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Rendering;

/// <summary>ANSI colours for terminal output; a no-op when colour is off (files, pipes, tests).</summary>
public sealed class TextStyle(bool colour)
{
    private const string Reset = "\u001b[0m";

    public string Action(ChangeAction action, string text) => Paint(action switch
    {
        ChangeAction.Create => "\u001b[32m",
        ChangeAction.Update => "\u001b[33m",
        ChangeAction.Replace => "\u001b[35m",
        ChangeAction.Delete => "\u001b[31m",
        _ => "",
    }, text);

    public string Error(string text) => Paint("\u001b[31m", text);

    public string Warning(string text) => Paint("\u001b[33m", text);

    public string Dim(string text) => Paint("\u001b[2m", text);

    public string Bold(string text) => Paint("\u001b[1m", text);

    private string Paint(string code, string text) => colour && code.Length > 0 ? code + text + Reset : text;
}
