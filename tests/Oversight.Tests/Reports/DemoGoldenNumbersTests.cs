using System.Text.RegularExpressions;
using Oversight.Reports;
using Oversight.Reports.Monthly;
using Oversight.Tests.Demo;
using Oversight.Tests.Ingest;

namespace Oversight.Tests.Reports;

/// <summary>The demo county's October 2026 通报 prints the same numbers as when the golden file was taken: every
/// figure, rank and count, in the order the Markdown prints them, line by line. Rewording a sentence or moving
/// where a table is built leaves this alone; a changed figure, a row in another order or a lost line does not.</summary>
public class DemoGoldenNumbersTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private const string GoldenFile = "october-2026-numbers.txt";
    private static readonly Regex Number = new(@"-?\d[\d,]*(?:\.\d+)?%?", RegexOptions.Compiled);

    /// <summary>With one DuckDB thread, as the suite runs every connection, and with more threads than cores: the figures
    /// must not depend on how DuckDB splits the work (the golden file was taken with its default threads).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_october_briefing_prints_the_golden_numbers(int threads)
    {
        Dapper.SqlMapper.Execute(demo.Warehouse.Connection, $"SET threads = {threads}");
        var model = MonthlyBriefingBuilder.Build(demo.Warehouse.Connection, Oversight.Calendar.Month.Of(new DateOnly(2026, 10, 1)),
            ReportSettings.Load(new TemplateFolder()), new DateTime(2026, 11, 24, 6, 0, 0));
        // The time of the last load is when this run ingested the demo, not a figure of the county.
        model = model with { DataQuality = model.DataQuality with { LastLoad = "" } };
        var files = ReportWriter.Write(new TemplateFolder(), "monthly/briefing", model, Path.Combine(demo.Warehouse.Root, "golden"),
            $"october-{threads}", pdf: false);
        var actual = NumbersByLine(File.ReadAllText(files.Markdown));

        var golden = Path.Combine(RejectKindTests.RepoRoot(), "tests", "Oversight.Tests", "Fixtures", GoldenFile);
        // Taking a new golden file is a deliberate act: OVERSIGHT_TAKE_GOLDEN=1, then review the diff before committing.
        if (Environment.GetEnvironmentVariable("OVERSIGHT_TAKE_GOLDEN") == "1") File.WriteAllLines(golden, actual);
        var expected = File.ReadAllLines(golden);

        Assert.True(expected.Length > 100, $"the golden file holds only {expected.Length} lines");
        for (var i = 0; i < Math.Min(expected.Length, actual.Count); i++)
            Assert.True(expected[i] == actual[i], $"line {i + 1} of the numbers: expected「{expected[i]}」, printed「{actual[i]}」");
        Assert.Equal(expected.Length, actual.Count);
    }

    /// <summary>Each Markdown line that prints numbers, reduced to its numbers.</summary>
    private static List<string> NumbersByLine(string markdown) =>
        markdown.Split('\n')
            .Select(line => string.Join(" ", Number.Matches(line).Select(m => m.Value)))
            .Where(numbers => numbers.Length > 0)
            .ToList();
}
