using System.Globalization;
using System.Text;

namespace CleanroomsStack.Bench.Report;

/// <summary>A GitHub Markdown table, and the number formats every table of the report shares.</summary>
public static class MarkdownTable
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows) text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|").Replace("\n", " "))).Append(" |\n");
        return text.ToString();
    }

    public static string Seconds(double? seconds) => seconds is { } s ? s.ToString(s < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s" : "–";

    public static string Number(double? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Megabytes(double? mb) => mb is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " MB" : "–";

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";
}
