namespace Oversight.Reports.Monthly;

/// <summary>The monthly briefing's words as plain text, for what the program builds before a template lays it out: a
/// 存在的问题 line becomes the problem of a 整改 item in the ledger, in the same words as the 通报 printed it; the title,
/// the annexes' names, the headline table's column headers, the charts' titles and the movement details are worded
/// by report-templates/monthly/sentences.sbn (the county's copy when it has one) and only computed here.</summary>
public static class MonthlyWording
{
    /// <summary>The partial holding the sentences; the briefing and township templates include it.</summary>
    public const string Partial = "monthly/sentences.sbn";

    /// <summary>The line's sentence, without its number.</summary>
    public static string Sentence(TemplateFolder templates, ProblemLine line) =>
        templates.RenderText($"{{{{ include '{Partial}' }}}}{{{{ problem_line line }}}}", new { Line = line }, text => text).Trim();

    /// <summary>Each call of the partial's functions, worded (see <see cref="Wording.Render"/>).</summary>
    public static IReadOnlyList<string> Render(TemplateFolder templates, object model, IReadOnlyList<string> calls) =>
        Wording.Render(templates, Partial, model, calls);
}

/// <summary>The words of one briefing the program needs before laying out (the SVG charts, the tables, the annex list, the
/// movements), rendered once from the partial: <see cref="Load"/> passes the facts, the partial words them.</summary>
public sealed class MonthlyWords
{
    /// <summary>The headline table's columns, in order (the partial's headline_header).</summary>
    public static readonly IReadOnlyList<string> HeadlineColumns = ["figure", "month", "previous", "changePrevious", "yearAgo", "changeYearAgo"];

    private static readonly string[] Charts = ["trend", "ranking", "heatMap"];
    private static readonly string[] CellWords = ["open", "completed", "underOneDay", "wholeCenter", "hall"];

    public required string Title { get; init; }
    public required IReadOnlyList<string> Annexes { get; init; }
    public required IReadOnlyList<string> HeadlineHeaders { get; init; }
    public required ChartWords Trend { get; init; }
    public required ChartWords Ranking { get; init; }
    public required ChartWords HeatMap { get; init; }
    /// <summary>Each axis's month labels, in the order given.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Axes { get; init; }
    public required string Open { get; init; }
    public required string Completed { get; init; }
    public required string UnderOneDay { get; init; }
    public required string WholeCenter { get; init; }
    public required string Hall { get; init; }
    /// <summary>The movements given, in order, with their details worded.</summary>
    public required IReadOnlyList<Movement> Movements { get; init; }

    public static MonthlyWords Load(TemplateFolder templates, string monthLabel, CompositeSettings composite, IReadOnlyList<string> annexKeys,
        IReadOnlyList<IReadOnlyList<AxisMonth>> axes, IReadOnlyList<MovementFacts> movements)
    {
        var q = Wording.Quote;
        var calls = new List<string> { "briefing_title" };
        calls.AddRange(annexKeys.Select(k => $"annex_entry {q(k)}"));
        calls.AddRange(HeadlineColumns.Select(c => $"headline_header {q(c)}"));
        calls.AddRange(Charts.SelectMany(c => new[] { $"chart_title {q(c)}", $"chart_legend {q(c)}" }));
        calls.AddRange(CellWords.Select(w => $"cell_word {q(w)}"));
        calls.AddRange(axes.SelectMany((axis, a) => axis.Select((_, i) => $"axis_month axes[{a}][{i}]")));
        calls.AddRange(movements.Select((_, i) => $"movement_details movements[{i}].parts"));
        var model = new
        {
            MonthLabel = monthLabel,
            LongOpenDays = composite.LongOpenDaysPastDue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FullMarks = composite.FullMarks.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            Axes = axes,
            Movements = movements,
        };
        var text = new Queue<string>(MonthlyWording.Render(templates, model, calls));
        List<string> Take(int n) => Enumerable.Range(0, n).Select(_ => text.Dequeue()).ToList();
        var title = text.Dequeue();
        var annexes = Take(annexKeys.Count);
        var headers = Take(HeadlineColumns.Count);
        var charts = Take(2 * Charts.Length);
        var cells = Take(CellWords.Length);
        return new MonthlyWords
        {
            Title = title,
            Annexes = annexes,
            HeadlineHeaders = headers,
            Trend = new(charts[0], charts[1]),
            Ranking = new(charts[2], charts[3]),
            HeatMap = new(charts[4], charts[5]),
            Open = cells[0], Completed = cells[1], UnderOneDay = cells[2], WholeCenter = cells[3], Hall = cells[4],
            Axes = axes.Select(axis => (IReadOnlyList<string>)Take(axis.Count)).ToList(),
            Movements = movements.Select(m => new Movement(m.CenterName, m.ScoreBefore, m.ScoreNow, m.Change, text.Dequeue())).ToList(),
        };
    }
}

/// <summary>A chart's title and legend (for the heat map, the legend is the label of a month with nothing completed).</summary>
public sealed record ChartWords(string Title, string Legend);

/// <summary>A month on a chart's axis; <see cref="WithYear"/> when its label names the year.</summary>
public sealed record AxisMonth(int Year, int Month, bool WithYear);

/// <summary>A center whose composite moved, before its details are worded.</summary>
public sealed record MovementFacts(string CenterName, string ScoreBefore, string ScoreNow, string Change, IReadOnlyList<MovementPart> Parts);

/// <summary>A part of the composite that moved: the figure's name, before → now (as printed, with its unit), how it moved
/// (<see cref="Shift"/>: own, flat, county, unknown; see the partial's movement_part), and the points, up or down.</summary>
public sealed record MovementPart(string Name, string Before, string Now, string Shift, bool Up, string Points);
