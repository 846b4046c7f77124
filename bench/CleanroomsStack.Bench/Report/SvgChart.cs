using System.Globalization;
using System.Text;

namespace CleanroomsStack.Bench.Report;

/// <summary>One line of the chart: a name, a colour and its points (x, y), both positive.</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>
/// A small log-log line chart written as SVG text by our own code (no package, deterministic output, so the
/// committed file only changes when the numbers do). Both axes are logarithmic: M spans decades and so do times.
/// </summary>
public static class SvgChart
{
    private const int Width = 760, Height = 440, Left = 70, Right = 200, Top = 40, Bottom = 50;

    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0) throw new InvalidOperationException("A chart needs at least one point.");
        var (xMin, xMax) = Decades(points.Min(p => p.X), points.Max(p => p.X));
        var (yMin, yMax) = Decades(points.Min(p => p.Y), points.Max(p => p.Y));
        double X(double x) => Left + (Math.Log10(x) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)) * (Width - Left - Right);
        double Y(double y) => Height - Bottom - (Math.Log10(y) - Math.Log10(yMin)) / (Math.Log10(yMax) - Math.Log10(yMin)) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">""").Append('\n');
        svg.Append($"""<rect width="{Width}" height="{Height}" fill="white"/>""").Append('\n');
        svg.Append($"""<text x="{Left}" y="22" font-size="15" font-weight="bold">{Escape(title)}</text>""").Append('\n');
        foreach (var x in Ticks(xMin, xMax, [1]))
            GridLine(svg, X(x), Top, X(x), Height - Bottom, Label(x), X(x), Height - Bottom + 16, "middle");
        foreach (var y in Ticks(yMin, yMax, [1, 2, 5]))
            GridLine(svg, Left, Y(y), Width - Right, Y(y), Label(y), Left - 6, Y(y) + 4, "end");
        svg.Append($"""<text x="{(Left + Width - Right) / 2}" y="{Height - 12}" text-anchor="middle">{Escape(xLabel)}</text>""").Append('\n');
        svg.Append($"""<text transform="translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)" text-anchor="middle">{Escape(yLabel)}</text>""").Append('\n');

        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var dash = s.Dashed ? """ stroke-dasharray="6 4" """ : " ";
            var path = string.Join(' ', s.Points.OrderBy(p => p.X).Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
            svg.Append($"""<polyline fill="none" stroke="{s.Colour}" stroke-width="2"{dash}points="{path}"/>""").Append('\n');
            foreach (var p in s.Points)
                svg.Append($"""<circle cx="{F(X(p.X))}" cy="{F(Y(p.Y))}" r="4" fill="{s.Colour}"><title>{Escape(s.Name)}: M={Label(p.X)}, {p.Y.ToString("0.0", CultureInfo.InvariantCulture)} s</title></circle>""").Append('\n');
            var legendY = Top + 10 + i * 22;
            svg.Append($"""<line x1="{Width - Right + 15}" y1="{legendY}" x2="{Width - Right + 45}" y2="{legendY}" stroke="{s.Colour}" stroke-width="2"{dash.TrimEnd()}/>""").Append('\n');
            svg.Append($"""<text x="{Width - Right + 52}" y="{legendY + 4}">{Escape(s.Name)}</text>""").Append('\n');
        }
        return svg.Append("</svg>\n").ToString();
    }

    private static void GridLine(StringBuilder svg, double x1, double y1, double x2, double y2, string label, double lx, double ly, string anchor)
    {
        svg.Append($"""<line x1="{F(x1)}" y1="{F(y1)}" x2="{F(x2)}" y2="{F(y2)}" stroke="#ddd"/>""").Append('\n');
        svg.Append($"""<text x="{F(lx)}" y="{F(ly)}" text-anchor="{anchor}" fill="#444">{label}</text>""").Append('\n');
    }

    /// <summary>The powers of ten around the data, so every point sits inside whole decades.</summary>
    private static (double Min, double Max) Decades(double min, double max)
    {
        var low = Math.Pow(10, Math.Floor(Math.Log10(min)));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
        return (low, high > low ? high : low * 10);
    }

    private static IEnumerable<double> Ticks(double min, double max, int[] steps)
    {
        for (var decade = min; decade < max * 1.0001; decade *= 10)
            foreach (var step in steps)
                if (decade * step <= max * 1.0001) yield return decade * step;
    }

    private static string Label(double value) => value.ToString(value < 1 ? "0.###" : "#,0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
