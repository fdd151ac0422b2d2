using System.Globalization;
using System.Numerics;

namespace Oversight.Reports.Figures;

/// <summary>How a figure is printed (and how its change is worded, in the catalogue's <see cref="ChangeWords"/>).</summary>
public enum FigureFormat
{
    /// <summary>A whole number with thousands separators: "1,234"; change "↑12（+8.3%）".</summary>
    Count,
    /// <summary>A share stored as 0–1, printed "95.2%"; change in percentage points "↑1.2" and the points unit.</summary>
    Percent,
    /// <summary>A rate per 1,000 (one decimal): "2.5"; change "↑0.3".</summary>
    Per1000,
    /// <summary>Points (one decimal): "87.4"; change "↑1.2".</summary>
    Score,
    /// <summary>The value is itself a change in points: "↑1.2", "↓0.4", or the flat word.</summary>
    Change,
    /// <summary>Days (one decimal at most): "2.5"; change "↑0.5".</summary>
    Days,
}

/// <summary>Which way is good news for a figure: used for the good/bad trend of the headline and for explaining why a
/// score moved.</summary>
public enum Direction { HigherIsBetter, LowerIsBetter, Neutral }

/// <summary>One printed figure, defined once (report-templates/figures.json): <see cref="Key"/> is the column the
/// report queries return it under (sql/reports/…, the marts' names), <see cref="Name"/> its Chinese name, <see cref="Header"/>
/// the shorter column header of wide tables, <see cref="Unit"/> the unit a sentence adds to a count (件, 次),
/// <see cref="Part"/> the key of the composite part it feeds (its points), if any; <see cref="Words"/> the catalogue's words
/// for its change.</summary>
public sealed record Figure(string Key, string Name, string Header, FigureFormat Format, Direction Direction, string Unit, string? Part,
    ChangeWords Words)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The value as the documents print it; "—" when there is none.</summary>
    public string Show(double? value) => value is not { } v ? "—" : Format switch
    {
        FigureFormat.Count => ReportText.Count((long)Math.Round(v)),
        FigureFormat.Percent => ReportText.Percent(v),
        FigureFormat.Per1000 or FigureFormat.Score => ReportText.Number(v),
        FigureFormat.Change => Words.Value(v, 0, "0.0", withPercent: false),
        FigureFormat.Days => ReportText.Number(v, "0.#"),
        _ => throw new InvalidOperationException(Format.ToString()),
    };

    /// <summary>The change from <paramref name="before"/> to <paramref name="now"/> as the headline table words it.</summary>
    public string ShowChange(double? now, double? before) => Format switch
    {
        FigureFormat.Count => Words.Value(now, before),
        FigureFormat.Percent => Words.Rate(now, before),
        _ => Words.Value(now, before, "0.0", withPercent: false),
    };

    /// <summary>The value with its unit for a sentence: "12 件", "95.2%".</summary>
    public string WithUnit(double? value) => Unit.Length == 0 || value is null ? Show(value) : $"{Show(value)} {Unit}";

    /// <summary>"good", "bad" or "flat" for a move from <paramref name="before"/> to <paramref name="now"/>: a falling
    /// overdue backlog is good news; a neutral figure is never good or bad.</summary>
    public string Trend(double? now, double? before) =>
        now is null || before is null || Math.Abs(now.Value - before.Value) < 1e-9 || Direction == Direction.Neutral ? "flat"
        : (now > before) == (Direction == Direction.HigherIsBetter) ? "good" : "bad";

    /// <summary>The column header of a workbook sheet, where a percent is written as the number it shows (95.2).</summary>
    public string SheetHeader => Format == FigureFormat.Percent ? Header + "（%）" : Header;

    /// <summary>The workbook cell: the number the document prints (so the two cannot disagree), text for a change.</summary>
    public object? Cell(double? value)
    {
        var shown = Show(value);
        if (Format == FigureFormat.Change) return shown;
        return double.TryParse(shown.Replace(",", "").TrimEnd('%'), NumberStyles.Float, Invariant, out var v) ? v : null;
    }

    /// <summary>A value of figure <paramref name="key"/> as a query returns it (DuckDB's HUGEINT sums arrive as BigInteger)
    /// as a double; a text column named as a figure is a mistake in the catalogue, reported in Chinese.</summary>
    public static double? Number(object? value, string key) => value switch
    {
        null or DBNull => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        BigInteger b => (double)b,
        bool b => b ? 1 : 0,
        string => throw new ReportException(Messages.FigureIsText(key, FigureCatalogue.FileName)),
        IConvertible c => c.ToDouble(Invariant),
        _ => throw new ReportException(Messages.FigureNotNumeric(key, FigureCatalogue.FileName)),
    };
}
