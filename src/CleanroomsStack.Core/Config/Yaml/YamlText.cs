using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CleanroomsStack.Core.Config.Yaml;

/// <summary>
/// Text written into a YAML file by the tool (import, add): a plain scalar when YAML reads it back as the same text,
/// otherwise a double-quoted one. Strings come from AWS and may be hostile, so in quotes every character that could
/// hide, reorder or break a line of the file (controls, bidi overrides, line and paragraph separators, BOM) is
/// escaped: a reviewer reading the diff sees what the file holds.
/// </summary>
public static partial class YamlText
{
    /// <summary>The value as a scalar that is safe in block and flow context.</summary>
    public static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved().IsMatch(value) && !value.Contains(": ") && !value.Contains(" #") ? value : Quoted(value);

    /// <summary>A double-quoted scalar (YAML 1.1 and 1.2 read the same escapes).</summary>
    public static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            quoted.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                <= 0xff when NeedsEscape(rune) => $"\\x{rune.Value:x2}",
                <= 0xffff when NeedsEscape(rune) => $"\\u{rune.Value:x4}",
                _ when NeedsEscape(rune) => $"\\U{rune.Value:x8}",
                _ => rune.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Controls, invisible format characters (bidi, zero-width, BOM), separators, private and unassigned code points.</summary>
    private static bool NeedsEscape(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_ ./:@=+-]*(?<![ :])$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
