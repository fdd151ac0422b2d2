using System.Reflection;
using System.Text.RegularExpressions;
using Oversight.Calendar;

namespace Oversight.Tests.Cli;

/// <summary>Every entry of the user-message catalogue is Chinese and shows every value it is given.</summary>
public class MessageCatalogueTests
{
    private static readonly Regex Han = new(@"\p{IsCJKUnifiedIdeographs}");

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        // One case per name: the test checks every overload of it.
        foreach (var name in typeof(Messages).GetMembers(BindingFlags.Public | BindingFlags.Static)
                     .Where(m => m is FieldInfo or MethodInfo { IsSpecialName: false }).Select(m => m.Name).Distinct())
            data.Add(name);
        return data;
    }

    /// <summary>A distinct value per parameter, and texts of it that the message must show (numbers below 1,000,
    /// so a thousands separator cannot hide them; times and days by the part every format of them shows).</summary>
    private static (object Value, string[] Texts) Marker(Type type, int i) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => ($"«值{i}»", [$"«值{i}»"]),
        var t when t == typeof(int) => (910 + i, [(910 + i).ToString()]),
        var t when t == typeof(long) => (910L + i, [(910 + i).ToString()]),
        var t when t == typeof(double) => ((97 + 100 * i) / 100.0, ["97"]), // 1.97 prints 1.97, as a percentage 197%
        var t when t == typeof(OneDecimal) => (new OneDecimal(90.7 + i), [$"{90 + i}.7"]),
        var t when t == typeof(Month) => (Month.Of(2031 + i, 7), [$"{2031 + i}年7月"]),
        var t when t == typeof(DateOnly) => (new DateOnly(2041 + i, 7, 9), [$"{2041 + i}"]), // 2041-07-09 or 2041年7月9日
        var t when t == typeof(DateTime) => (new DateTime(2031, 7, 9, 13, 10 + i, 0), [$"13:{10 + i}"]),
        var t when t == typeof(TimeSpan) => (TimeSpan.FromSeconds(930 + i), [(930 + i).ToString()]),
        var t when t == typeof(bool) => (false, []),
        var t when t == typeof(IEnumerable<string>) || t == typeof(IReadOnlyList<string>) => (new[] { $"«列{i}»" }, [$"«列{i}»"]),
        var t when t == typeof(global::Oversight.Demo.DemoSummary) => (new global::Oversight.Demo.DemoSummary(911, 912, 913, 914, 915, 916, 917, 918, 919, 920, ["a", "b"], "«真»"),
            ["911", "912", "913", "914", "915", "916", "917", "918", "919", "920"]),
        _ => throw new InvalidOperationException($"add a marker for {type}"),
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_is_chinese_and_uses_each_value_it_is_given(string name)
    {
        foreach (var member in typeof(Messages).GetMember(name, BindingFlags.Public | BindingFlags.Static))
        {
            if (member is FieldInfo field)
            {
                // A constant, or a table's column headers.
                var texts = field.GetValue(null) is string[] columns ? columns : [Assert.IsType<string>(field.GetValue(null))];
                Assert.NotEmpty(texts);
                foreach (var text in texts)
                {
                    Assert.Matches(Han, text);
                    Assert.DoesNotMatch(@"\{\w*\}", text); // a constant with a placeholder would print it
                }
                continue;
            }
            var method = (MethodInfo)member;
            Assert.Equal(typeof(string), method.ReturnType);
            var markers = method.GetParameters().Select((p, i) => Marker(p.ParameterType, i)).ToList();
            var message = (string)method.Invoke(null, markers.Select(m => m.Value).ToArray())!;
            Assert.Matches(Han, message);
            foreach (var text in markers.SelectMany(m => m.Texts)) Assert.Contains(text, message);
            Assert.DoesNotMatch(@"\{\w*\}", message); // a placeholder left unfilled
        }
    }

    [Fact]
    public void A_flag_changes_the_sentence_it_is_given_to() =>
        Assert.NotEqual(Messages.KeyFile("k", existed: true), Messages.KeyFile("k", existed: false));
}

/// <summary>The commands that take a month or a day read them with the one parser and say the same thing when they cannot.</summary>
public class PeriodOptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("flags", "--month", "2026-13")]
    [InlineData("backtest", "--from", "2026年13月")]
    [InlineData("rectify", "--month", "26-10")]
    [InlineData("report", "--month", "十月")]
    public void A_month_that_cannot_be_read_gets_the_one_chinese_message(string command, string option, string value)
    {
        string[] args = command switch
        {
            "rectify" => ["rectify", "propose", option, value],
            "report" => ["report", "monthly", option, value],
            "backtest" => ["backtest", option, value, "--to", "2026-10"],
            _ => [command, option, value],
        };
        var result = CliProcess.Run([.. args, "--db", _dir.File("w.duckdb")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"错误：月份“{value}”格式不对，应写成 2026-10 或 2026年10月。", result.StdErr.Trim());
    }

    [Fact]
    public void A_day_that_cannot_be_read_gets_the_one_chinese_message()
    {
        var result = CliProcess.Run(["train", "--as-of", "2026-02-30", "--db", _dir.File("w.duckdb")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("错误：日期“2026-02-30”格式不对，应写成 2026-11-05 这样的形式。", result.StdErr.Trim());
    }
}
