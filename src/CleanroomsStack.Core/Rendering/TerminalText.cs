using System.Text;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// Text from AWS or from files made safe to print: control characters become visible escapes (ESC as <c>\x1b</c>), so a
/// hostile name can't move the cursor, rewrite a line (CR), ring the bell, set the clipboard (OSC 52) or reorder text
/// (bidi overrides). Applied where strings are written for people; JSON output escapes by its own rules.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(IsUnsafe)) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsUnsafe(c)) escaped.Append(c);
            else if (c <= '\xff') escaped.Append($"\\x{(int)c:x2}");
            else escaped.Append($"\\u{(int)c:x4}");
        }
        return escaped.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, and the invisible characters that reorder or hide text.</summary>
    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\x7f' and <= '\x9f'
        || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';
}
