namespace Oversight.Calendar;

/// <summary>A day as GB/T 9704 writes the 成文日期: Arabic numerals, no leading zeros, "2026年11月5日".</summary>
public static class ChineseDay
{
    public static string Label(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
