using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config.Editing;

/// <summary>
/// A file's text as lines, by offset, with each line's own terminator ("\n", "\r\n" or none for a last line without
/// one), so an edit can insert whole lines and leave every existing character where it was.
/// </summary>
internal sealed class TextLines
{
    private readonly List<int> starts = [0];

    public TextLines(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        if (starts[^1] == text.Length && starts.Count > 1) starts.RemoveAt(starts.Count - 1);
    }

    public string Text { get; }

    public int Count => starts.Count;

    /// <summary>The newline most lines end with; "\n" for a file of one line.</summary>
    public string Newline
    {
        get
        {
            var crlf = Enumerable.Range(0, Count).Count(i => Terminator(i) == "\r\n");
            var lf = Enumerable.Range(0, Count).Count(i => Terminator(i) == "\n");
            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>Where line <paramref name="index"/> (0-based) starts.</summary>
    public int Start(int index) => starts[index];

    /// <summary>Where the next line starts (after this line's terminator), or the end of the text.</summary>
    public int End(int index) => index + 1 < Count ? starts[index + 1] : Text.Length;

    public string Terminator(int index)
    {
        var end = End(index);
        if (end == 0 || Text[end - 1] != '\n') return "";
        return end >= 2 && Text[end - 2] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The line's characters without its terminator.</summary>
    public string Content(int index) => Text[Start(index)..(End(index) - Terminator(index).Length)];

    public bool IsBlank(int index) => string.IsNullOrWhiteSpace(Content(index));

    /// <summary>Leading blanks (spaces, and tabs on comment lines) before the first character.</summary>
    public int Indent(int index)
    {
        var content = Content(index);
        return content.Length - content.TrimStart(' ', '\t').Length;
    }

    /// <summary>The 0-based line of a character offset.</summary>
    public int LineOf(int offset)
    {
        var found = starts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The offset of a parser location (1-based line and column).</summary>
    public int Offset(SourceLocation location) => Math.Min(Text.Length, Start(Math.Min(location.Line, Count) - 1) + location.Column - 1);
}
