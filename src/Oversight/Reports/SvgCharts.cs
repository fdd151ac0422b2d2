using System.Globalization;
using System.Net;
using System.Text;

namespace Oversight.Reports;

/// <summary>Small inline SVG charts for print: no scripts, no fonts fetched, every label escaped.</summary>
public static class SvgCharts
{
    private const string Font = "font-family=\"'WenQuanYi Zen Hei','DejaVu Sans','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\"";

    public sealed record Point(string Label, double? Value);

    /// <summary>A line over labelled points (e.g. 12 months), the y-axis from 0 or the data's minimum.</summary>
    public static Svg Line(string title, IReadOnlyList<Point> points, Func<double, string> format, double? min = null, double? max = null,
        string? legend = null)
    {
        const int width = 640, height = 236, left = 56, right = 16, top = 28, bottom = 52;
        var values = points.Where(p => p.Value.HasValue).Select(p => p.Value!.Value).ToList();
        var lo = min ?? (values.Count > 0 ? values.Min() : 0);
        var hi = max ?? (values.Count > 0 ? values.Max() : 1);
        if (hi - lo < 1e-9) { hi = lo + 1; }
        var sb = Open("chart-trend", title, width, height);
        double X(int i) => left + (points.Count <= 1 ? 0 : i * (width - left - right) / (double)(points.Count - 1));
        double Y(double v) => top + (hi - v) / (hi - lo) * (height - top - bottom);
        for (var g = 0; g <= 4; g++)
        {
            var v = lo + g * (hi - lo) / 4;
            sb.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"10\" {Font}>{E(format(v))}</text>");
        }
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            sb.Append($"<text x=\"{F(X(i))}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"10\" {Font}>{E(points[i].Label)}</text>");
            if (points[i].Value is not { } v) continue;
            path.Append(path.Length == 0 ? 'M' : 'L').Append(F(X(i))).Append(',').Append(F(Y(v)));
            sb.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3\" fill=\"#b22222\"><title>{E(points[i].Label + " " + format(v))}</title></circle>");
        }
        if (path.Length > 0) sb.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"#b22222\" stroke-width=\"2\"/>");
        if (legend is not null)
            sb.Append("<g class=\"legend\">")
              .Append($"<line x1=\"{left}\" x2=\"{left + 24}\" y1=\"{height - 10}\" y2=\"{height - 10}\" stroke=\"#b22222\" stroke-width=\"2\"/>")
              .Append($"<circle cx=\"{left + 12}\" cy=\"{height - 10}\" r=\"3\" fill=\"#b22222\"/>")
              .Append($"<text x=\"{left + 30}\" y=\"{height - 6}\" font-size=\"10\" {Font}>{E(legend)}</text></g>");
        return Close(sb);
    }

    /// <summary>Horizontal bars, one per labelled value, in the given order.</summary>
    public static Svg Bars(string title, IReadOnlyList<Point> bars, Func<double, string> format, double max, string? legend = null)
    {
        const int width = 640, labelWidth = 120, barHeight = 14, gap = 4, top = 28;
        var height = top + bars.Count * (barHeight + gap) + (legend is null ? 8 : 28);
        var sb = Open("chart-ranking", title, width, height);
        var scale = (width - labelWidth - 70) / Math.Max(max, 1e-9);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * (barHeight + gap);
            var v = bars[i].Value ?? 0;
            sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + barHeight - 3}\" text-anchor=\"end\" font-size=\"11\" {Font}>{E(bars[i].Label)}</text>");
            sb.Append($"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y}\" width=\"{F(Math.Max(v, 0) * scale)}\" height=\"{barHeight}\" fill=\"#4a6fa5\"/>");
            sb.Append($"<text x=\"{F(labelWidth + Math.Max(v, 0) * scale + 4)}\" y=\"{y + barHeight - 3}\" font-size=\"10\" {Font}>{E(format(v))}</text>");
        }
        if (legend is not null)
            sb.Append($"<g class=\"legend\"><rect x=\"{labelWidth}\" y=\"{height - 18}\" width=\"14\" height=\"10\" fill=\"#4a6fa5\"/>")
              .Append($"<text x=\"{labelWidth + 20}\" y=\"{height - 9}\" font-size=\"10\" {Font}>{E(legend)}</text></g>");
        return Close(sb);
    }

    /// <summary>A grid of rows × columns shaded by value, white at <paramref name="best"/> to dark red at
    /// <paramref name="worst"/> or beyond; empty cells (no value) are grey. A legend under the grid shows the scale.</summary>
    public static Svg HeatMap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        Func<int, int, double?> value, Func<double, string> format, double best, double worst, string emptyLabel)
    {
        const int labelWidth = 120, cell = 38, cellHeight = 16, top = 44, legendHeight = 34;
        var width = Math.Max(labelWidth + columns.Count * cell + 8, 420);
        var gridBottom = top + rows.Count * cellHeight;
        var height = gridBottom + legendHeight;
        double Level(double v) => Math.Clamp((v - best) / (worst - best), 0, 1);
        var sb = Open("chart-heatmap", title, width, height);
        for (var c = 0; c < columns.Count; c++)
            sb.Append($"<text x=\"{labelWidth + c * cell + cell / 2}\" y=\"{top - 6}\" text-anchor=\"middle\" font-size=\"9\" {Font}>{E(columns[c])}</text>");
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + r * cellHeight;
            sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + cellHeight - 4}\" text-anchor=\"end\" font-size=\"10\" {Font}>{E(rows[r])}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var v = value(r, c);
                var fill = v is { } x ? Shade(Level(x)) : "#eeeeee";
                sb.Append($"<rect x=\"{labelWidth + c * cell}\" y=\"{y}\" width=\"{cell - 1}\" height=\"{cellHeight - 1}\" fill=\"{fill}\">" +
                          $"<title>{E(rows[r] + " " + columns[c] + " " + (v is { } t ? format(t) : emptyLabel))}</title></rect>");
            }
        }
        // Legend: five steps of the scale, then the empty-cell grey.
        var ly = gridBottom + 12;
        sb.Append("<g class=\"legend\">");
        sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{ly + 10}\" text-anchor=\"end\" font-size=\"10\" {Font}>{E(Messages.ChartLegend)}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var v = best + i * (worst - best) / 4;
            var x = labelWidth + i * 56;
            sb.Append($"<rect x=\"{x}\" y=\"{ly}\" width=\"16\" height=\"12\" fill=\"{Shade(Level(v))}\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{x + 20}\" y=\"{ly + 10}\" font-size=\"9\" {Font}>{E((i == 4 ? "≤" : "") + format(v))}</text>");
        }
        var ex = labelWidth + 5 * 56;
        sb.Append($"<rect x=\"{ex}\" y=\"{ly}\" width=\"16\" height=\"12\" fill=\"#eeeeee\" stroke=\"#999\" stroke-width=\"0.5\"/>");
        sb.Append($"<text x=\"{ex + 20}\" y=\"{ly + 10}\" font-size=\"9\" {Font}>{E(emptyLabel)}</text></g>");
        return Close(sb);
    }

    private static string Shade(double t)
    {
        // white (255,255,255) to dark red (139,0,0)
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * t);
        return $"#{Mix(255, 139):x2}{Mix(255, 0):x2}{Mix(255, 0):x2}";
    }

    private static StringBuilder Open(string cssClass, string title, int width, int height) =>
        new StringBuilder()
            .Append($"<svg class=\"chart {cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\">")
            .Append($"<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\" {Font}>{E(title)}</text>");

    private static Svg Close(StringBuilder sb) => new(sb.Append("</svg>").ToString());

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
