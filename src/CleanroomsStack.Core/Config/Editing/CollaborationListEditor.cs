using System.Text;
using CleanroomsStack.Core.Config.Yaml;

namespace CleanroomsStack.Core.Config.Editing;

/// <summary>The edited text and the lines it gained (<paramref name="Inserted"/>), or why the file was left as it was.</summary>
public sealed record ConfigEdit(string? Text, string? Problem, string Inserted = "");

/// <summary>
/// Appends collaboration entries to the <c>collaborations</c> list of a config's text by inserting lines, so every
/// comment, blank line and key order stays as the user wrote it and a review diff shows only the added lines. The new
/// entries take the indentation of the list's own entries (or, for an empty list, of the file's other blocks) and
/// the file's newline; they go after everything that belongs to the last entry, including comments indented under it.
/// </summary>
public static class CollaborationListEditor
{
    private const string Key = "collaborations";

    public static ConfigEdit Append(string text, string filePath, IReadOnlyList<PendingInvitation> invitations)
    {
        var (root, _) = YamlTreeReader.Read(text, filePath);
        if (root is not YamlMapping map || map.Find(Key) is not { } entry)
            return Refused($"{filePath} has no '{Key}:' list to add to");
        var lines = new TextLines(text);
        var stanzas = invitations.Select(InvitationStanza.Lines).ToList();
        var edited = entry.Value switch
        {
            YamlSequence list when IsFlow(lines, list) => list.Items.Count == 0
                ? IntoEmpty(lines, entry, RemoveToken(lines, entry.Value, ']'), stanzas)
                : Refused($"'{Key}' in {filePath} is written as a flow list ([...]); add appends to a block list: write one '- name: ...' entry per line, then run add again"),
            YamlSequence list => AfterLastEntry(lines, list, stanzas),
            YamlScalar { IsNull: true } empty => IntoEmpty(lines, entry, RemoveToken(lines, empty, null), stanzas),
            _ => Refused($"'{Key}' in {filePath} is not a list"),
        };
        return edited.Text is not null ? Verified(text, edited, filePath, invitations) : edited;
    }

    private static ConfigEdit Refused(string problem) => new(null, problem);

    private static bool IsFlow(TextLines lines, YamlSequence list) => lines.Offset(list.Location) is var at && at < lines.Text.Length && lines.Text[at] == '[';

    /// <summary>After the last entry's last line: the lines that follow it indented deeper than its dash are its own.</summary>
    private static ConfigEdit AfterLastEntry(TextLines lines, YamlSequence list, IReadOnlyList<IReadOnlyList<string>> stanzas)
    {
        if (Dash(lines, list.Items[0]) is not { } first || Dash(lines, list.Items[^1]) is not { } last)
            return Refused($"can't find the '-' of the entries of '{Key}'; add the entry by hand");
        var lastLine = last.Line;
        for (var line = last.Line + 1; line < lines.Count; line++)
        {
            if (lines.IsBlank(line)) continue;
            if (lines.Indent(line) <= last.Column) break;
            lastLine = line;
        }
        // Entries separated by blank lines get one before the new entry too.
        var separated = list.Items.Skip(1).Any(item => Dash(lines, item) is { Line: > 0 } dash && lines.IsBlank(dash.Line - 1));
        return Insert(lines, lastLine, first.Indent, first.Gap, separated, stanzas);
    }

    /// <summary>An empty list (<c>collaborations: []</c> or nothing after the colon): the entries go right below the key.</summary>
    private static ConfigEdit IntoEmpty(TextLines lines, YamlEntry entry, (int Start, int End)? token, IReadOnlyList<IReadOnlyList<string>> stanzas)
    {
        var keyLine = entry.Key.Location.Line - 1;
        if (token is { } t && (lines.LineOf(t.Start) != keyLine || lines.LineOf(t.End - 1) != keyLine))
            return Refused($"the empty '{Key}' list spans several lines; write '{Key}:' with nothing after it, then run add again");
        var withoutToken = token is { } remove ? lines.Text.Remove(remove.Start, remove.End - remove.Start) : lines.Text;
        var indent = new string(' ', entry.Key.Location.Column - 1 + IndentUnit(lines));
        return Insert(new TextLines(withoutToken), keyLine, indent, 2, separated: false, stanzas);
    }

    private static ConfigEdit Insert(TextLines lines, int afterLine, string dashIndent, int gap, bool separated, IReadOnlyList<IReadOnlyList<string>> stanzas)
    {
        var newline = lines.Terminator(afterLine) is { Length: > 0 } own ? own : lines.Newline;
        var block = new StringBuilder();
        foreach (var stanza in stanzas)
        {
            if (separated) block.Append(newline);
            block.Append(dashIndent).Append('-').Append(' ', gap - 1).Append(stanza[0][2..]).Append(newline);
            foreach (var line in stanza.Skip(1))
                block.Append(dashIndent).Append(' ', gap).Append(line[2..]).Append(newline);
        }
        var text = lines.Text;
        // A file that doesn't end with a newline keeps not ending with one.
        var inserted = block.ToString();
        return lines.Terminator(afterLine) == ""
            ? new ConfigEdit(text + newline + inserted[..^newline.Length], null, inserted)
            : new ConfigEdit(text.Insert(lines.End(afterLine), inserted), null, inserted);
    }

    /// <summary>Where an entry's '-' is: its line, column, the blanks before it and the distance to the entry's first key.</summary>
    private static (int Line, int Column, string Indent, int Gap)? Dash(TextLines lines, YamlNode item)
    {
        var at = lines.Offset(item.Location) - 1;
        while (at >= 0 && char.IsWhiteSpace(lines.Text[at])) at--;
        if (at < 0 || lines.Text[at] != '-') return null;
        var line = lines.LineOf(at);
        var column = at - lines.Start(line);
        var indent = lines.Content(line)[..column];
        if (indent.Trim().Length > 0) return null;
        var gap = lines.LineOf(lines.Offset(item.Location)) == line ? lines.Offset(item.Location) - at : 2;
        return (line, column, indent, gap);
    }

    /// <summary>The text of an explicit empty value (<c>[]</c>, <c>~</c>, <c>null</c>) and the blanks before it, to be removed.</summary>
    private static (int Start, int End)? RemoveToken(TextLines lines, YamlNode value, char? closing)
    {
        var start = lines.Offset(value.Location);
        int end;
        if (closing is { } close)
        {
            end = lines.Text.IndexOf(close, start);
            if (end < 0) return null;
            end++;
        }
        else
        {
            var written = ((YamlScalar)value).Value;
            if (written.Length == 0 || string.CompareOrdinal(lines.Text, start, written, 0, written.Length) != 0) return null;
            end = start + written.Length;
        }
        while (start > 0 && lines.Text[start - 1] is ' ' or '\t') start--;
        return (start, end);
    }

    /// <summary>How far the file indents a nested block: the indentation of its first indented key; 2 when it has none.</summary>
    private static int IndentUnit(TextLines lines)
    {
        for (var line = 0; line < lines.Count; line++)
        {
            var content = lines.Content(line);
            var indent = content.Length - content.TrimStart(' ').Length;
            if (indent > 0 && indent < content.Length && content[indent] is not ('#' or '\t')) return indent;
        }
        return 2;
    }

    /// <summary>The edit must leave the list as it was plus the new entries, in order; anything else is refused.</summary>
    private static ConfigEdit Verified(string before, ConfigEdit edit, string filePath, IReadOnlyList<PendingInvitation> invitations)
    {
        var had = Ids(before, filePath);
        var has = Ids(edit.Text!, filePath);
        var expected = had?.Concat(invitations.Select(i => i.Id)).ToList();
        return expected is not null && has is not null && has.SequenceEqual(expected)
            ? edit
            : Refused($"can't add to '{Key}' in {filePath} without changing its other entries; add the entry by hand");
    }

    private static List<string>? Ids(string text, string filePath)
    {
        var (root, diagnostics) = YamlTreeReader.Read(text, filePath);
        if (diagnostics.Count > 0 || root is not YamlMapping map) return null;
        return map.Find(Key)?.Value switch
        {
            YamlSequence list => list.Items.Select(i => (i as YamlMapping)?.Find("id")?.Value is YamlScalar id ? id.Value : "").ToList(),
            YamlScalar { IsNull: true } => [],
            _ => null,
        };
    }
}
