namespace CleanroomsStack.Cli.Views;

/// <summary>A plain fixed-width table: columns as wide as their widest cell, two spaces apart.</summary>
internal static class TableView
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        // Cells hold names from AWS: escaped before measuring, so the columns line up with what is printed.
        rows = rows.Select(r => r.Select(Core.Rendering.TerminalText.Escape).ToArray()).ToList();
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
