using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

/// <summary>The one month/period parser reads what counties type; its errors are Chinese and name the input.</summary>
public class PeriodTests
{
    [Theory]
    [InlineData("2026-10")]
    [InlineData(" 2026-10 ")]
    [InlineData("2026/10")]
    [InlineData("2026.10")]
    [InlineData("2026年10月")]
    [InlineData("2026 年 10 月")]
    [InlineData("2026年10月份")]
    [InlineData("２０２６年１０月")]
    [InlineData("２０２６－１０")]
    [InlineData("二〇二六年十月")]
    [InlineData("二零二六年十月")]
    public void October_2026_is_read_from_every_form_a_county_types(string text)
    {
        var month = Month.Parse(text);
        Assert.Equal(2026, month.Year);
        Assert.Equal(10, month.Number);
    }

    [Theory]
    [InlineData("2026-1", 1)]
    [InlineData("2026年1月", 1)]
    [InlineData("二〇二六年一月", 1)]
    [InlineData("二〇二六年十一月", 11)]
    [InlineData("2026年十二月", 12)]
    public void Single_digit_and_chinese_numeral_months_are_read(string text, int number) =>
        Assert.Equal(Month.Of(2026, number), Month.Parse(text));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-10-05")]
    [InlineData("26-10")]
    [InlineData("十月")]
    [InlineData("2026年二十月")]
    [InlineData("2026Q3")]
    [InlineData("october")]
    [InlineData("")]
    public void A_month_that_cannot_be_read_gets_one_chinese_message_naming_it(string text)
    {
        var error = Assert.Throws<PeriodFormatException>(() => Month.Parse(text));
        Assert.Equal($"月份“{text}”格式不对，应写成 2026-10 或 2026年10月。", error.Message);
        Assert.False(Month.TryParse(text, out _));
    }

    [Fact]
    public void Arithmetic_crosses_year_ends_both_ways()
    {
        var december = Month.Of(2025, 12);
        Assert.Equal(Month.Of(2026, 1), december.Next);
        Assert.Equal(Month.Of(2025, 11), december.Previous);
        Assert.Equal(Month.Of(2025, 12), Month.Of(2026, 1).Previous);
        Assert.Equal(Month.Of(2027, 2), december.Plus(14));
        Assert.Equal(Month.Of(2024, 10), december.Plus(-14));
        Assert.Equal(14, december.MonthsUntil(Month.Of(2027, 2)));
        Assert.Equal(-1, december.MonthsUntil(Month.Of(2025, 11)));
        Assert.Equal(["2025-11", "2025-12", "2026-01"], Month.Range(Month.Of(2025, 11), Month.Of(2026, 1)).Select(m => m.FileTag));
    }

    [Fact]
    public void First_and_last_days_follow_the_calendar_including_leap_februaries()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), Month.Of(2028, 2).LastDay);
        Assert.Equal(new DateOnly(2026, 2, 28), Month.Of(2026, 2).LastDay);
        Assert.Equal(new DateOnly(2026, 12, 31), Month.Of(2026, 12).LastDay);
        Assert.Equal(new DateOnly(2026, 10, 1), Month.Of(2026, 10).FirstDay);
        Assert.Equal(Month.Of(2026, 10), Month.Of(new DateOnly(2026, 10, 31)));
        Assert.True(Month.Of(2026, 10).Contains(new DateOnly(2026, 10, 31)));
        Assert.False(Month.Of(2026, 10).Contains(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void Months_compare_by_time_not_by_text()
    {
        Assert.True(Month.Of(2025, 12) < Month.Of(2026, 1));
        Assert.True(Month.Of(2026, 9) < Month.Of(2026, 10)); // "2026-9" > "2026-10" as text
        Assert.True(Month.Of(2026, 10) >= Month.Of(2026, 10));
        Assert.Equal([Month.Of(2025, 12), Month.Of(2026, 2), Month.Of(2026, 10)],
            new[] { Month.Of(2026, 10), Month.Of(2025, 12), Month.Of(2026, 2) }.Order());
    }

    [Fact]
    public void File_names_use_zero_padded_tags_and_text_uses_chinese_labels_without_leading_zeros()
    {
        var march = Month.Of(2026, 3);
        Assert.Equal("2026-03", march.FileTag);
        Assert.Equal("2026-03", march.ToString());
        Assert.Equal("2026年3月", march.ChineseLabel);
        Assert.Equal(march, Month.Parse(march.FileTag));
        Assert.Equal(march, Month.Parse(march.ChineseLabel));
    }

    [Fact]
    public void A_month_outside_the_calendar_is_refused_in_chinese()
    {
        Assert.Contains("月份 1–12", Assert.Throws<PeriodFormatException>(() => Month.Of(2026, 13)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Month.Of(9999, 12).Next);
    }

    [Theory]
    [InlineData("2026Q3", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2026q3", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2026-Q3", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2026年第3季度", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2026年第三季度", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2026年三季度", PeriodKind.Quarter, "2026Q3", "2026年第三季度")]
    [InlineData("2025", PeriodKind.Year, "2025", "2025年度")]
    [InlineData("2025年", PeriodKind.Year, "2025", "2025年度")]
    [InlineData("2025年度", PeriodKind.Year, "2025", "2025年度")]
    [InlineData("2026-10", PeriodKind.Month, "2026-10", "2026年10月")]
    [InlineData("2026年10月", PeriodKind.Month, "2026-10", "2026年10月")]
    public void Periods_are_read_from_months_quarters_and_years(string text, PeriodKind kind, string tag, string label)
    {
        var period = Period.Parse(text);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(tag, period.FileTag);
        Assert.Equal(label, period.ChineseLabel);
        Assert.Equal(period, Period.Parse(period.FileTag));
        Assert.Equal(period, Period.Parse(period.ChineseLabel));
    }

    [Fact]
    public void A_quarter_covers_three_months_and_steps_across_year_ends()
    {
        var q4 = Period.OfQuarter(2025, 4);
        Assert.Equal(new DateOnly(2025, 10, 1), q4.FirstDay);
        Assert.Equal(new DateOnly(2025, 12, 31), q4.LastDay);
        Assert.Equal([Month.Of(2025, 10), Month.Of(2025, 11), Month.Of(2025, 12)], q4.Months);
        Assert.Equal(Period.OfQuarter(2026, 1), q4.Next);
        Assert.Equal(Period.OfQuarter(2025, 3), q4.Previous);
        Assert.Equal(Period.OfYear(2026), Period.OfYear(2025).Next);
        Assert.Equal(new DateOnly(2025, 12, 31), Period.OfYear(2025).LastDay);
        Assert.True(q4.Contains(new DateOnly(2025, 11, 15)));
        Assert.False(q4.Contains(new DateOnly(2026, 1, 1)));
        Assert.True(Period.Of(Month.Of(2025, 10)).CompareTo(q4) < 0);
        Assert.True(q4.CompareTo(Period.OfQuarter(2026, 1)) < 0);
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026-7")]
    [InlineData("2026")]
    [InlineData("Q3")]
    public void Only_a_quarter_is_accepted_where_a_quarter_is_asked_for(string text) =>
        Assert.Equal($"季度“{text}”格式不对，应写成 2026Q3 或 2026年第三季度。",
            Assert.Throws<PeriodFormatException>(() => Period.ParseQuarter(text)).Message);

    [Fact]
    public void A_period_that_cannot_be_read_names_all_three_forms_in_chinese() =>
        Assert.Equal("期间“下个月”格式不对，应写成 2026-10（月）、2026Q3（季度）或 2026（年度）。",
            Assert.Throws<PeriodFormatException>(() => Period.Parse("下个月")).Message);

    [Theory]
    [InlineData("2026-11-05")]
    [InlineData("2026/11/5")]
    [InlineData("2026年11月5日")]
    [InlineData("二〇二六年十一月五日")]
    public void A_day_is_read_from_dashes_or_chinese(string text) => Assert.Equal(new DateOnly(2026, 11, 5), Days.Parse(text));

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-11")]
    [InlineData("2026-11-05 09:00")]
    [InlineData("11/05/2026")]
    public void A_day_that_cannot_be_read_gets_one_chinese_message(string text)
    {
        Assert.Equal($"日期“{text}”格式不对，应写成 2026-11-05 这样的形式。", Assert.Throws<PeriodFormatException>(() => Days.Parse(text)).Message);
        Assert.Null(Days.ParseOptional(" "));
    }
}
