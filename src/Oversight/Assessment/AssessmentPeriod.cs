using Oversight.Calendar;

namespace Oversight.Assessment;

/// <summary>What an assessment covers: one quarter (2026Q3) or a year (its quarters 1–4).</summary>
public readonly record struct AssessmentPeriod(int Year, int FirstQuarter, int LastQuarter)
{
    public bool IsQuarter => FirstQuarter == LastQuarter && !IsYear;

    /// <summary>A year is always 1–4, even when only some quarters hold data.</summary>
    public bool IsYear { get; init; }

    public static AssessmentPeriod OfYear(int year) => new(year, 1, 4) { IsYear = true };

    public static AssessmentPeriod OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(year, quarter, quarter) : throw new AssessmentException(Messages.QuarterOutOfRange(quarter));

    /// <summary>Parses 2026Q3 (also 2026q3, 2026-Q3, 2026年第3季度, 2026年第三季度).</summary>
    public static AssessmentPeriod ParseQuarter(string text) => Of(Period.ParseQuarter(text));

    public static AssessmentPeriod Of(Period period) => period.Kind switch
    {
        PeriodKind.Year => OfYear(period.Year),
        PeriodKind.Quarter => OfQuarter(period.Year, period.Quarter),
        _ => throw new AssessmentException(Messages.BadQuarter(period.FileTag)),
    };

    /// <summary>The same span as a calendar period (a quarter or a year).</summary>
    public Period AsPeriod => IsYear ? Period.OfYear(Year) : Period.OfQuarter(Year, FirstQuarter);

    public DateOnly Start => new(Year, FirstQuarter * 3 - 2, 1);

    public DateOnly End => new DateOnly(Year, LastQuarter * 3, 1).AddMonths(1).AddDays(-1);

    public static IReadOnlyList<string> QuarterNames => Period.QuarterNames;

    public string Label => AsPeriod.ChineseLabel;

    public string FileTag => AsPeriod.FileTag;
}
