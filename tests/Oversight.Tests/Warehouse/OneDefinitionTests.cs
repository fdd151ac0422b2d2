using System.Text.RegularExpressions;
using Dapper;
using Oversight.Warehouse;

namespace Oversight.Tests.Warehouse;

/// <summary>Which verdicts are upheld, which ratings are 差评 and which video findings are violations is said once:
/// in the enumeration seed's `classes` column, read through the core_ views.</summary>
public class OneDefinitionTests
{
    // A list of the values whose grouping is a business rule, in SQL outside the seed, is a second copy of the rule.
    // (A single value named on its own, such as a 不满意 / 非常不满意 breakdown, is a label, not a class.)
    private static readonly Regex ClassedValue =
        new(@"IN\s*\([^)]*'(属实|部分属实|核查中|不满意|非常不满意|满意|非常满意|离岗|空岗|玩手机|睡岗|大厅无人|设备离线)'", RegexOptions.IgnoreCase);

    [Fact]
    public void No_view_or_report_query_repeats_a_value_list_that_the_enumeration_seed_classifies()
    {
        // Loaders map raw text onto the seed and name the allowed values in their reject reasons; migrations are history.
        var skipped = new[] { "seeds", "ingest", "migrations" };
        var offenders = Directory.GetFiles(SqlFiles.Root, "*.sql", SearchOption.AllDirectories)
            .Where(f => !skipped.Contains(Path.GetRelativePath(SqlFiles.Root, f).Split(Path.DirectorySeparatorChar)[0]))
            .SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (File: Path.GetRelativePath(SqlFiles.Root, f), Line: i + 1, Text: line))
                .Where(l => !l.Text.TrimStart().StartsWith("--") && ClassedValue.IsMatch(l.Text)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Moving_a_finding_into_a_class_in_the_seed_changes_what_the_core_view_counts()
    {
        using var w = new TestWarehouse();
        var c = w.Connection;
        c.Execute("""
            INSERT INTO fct_video_check (check_id, checked_at, center_code, window_code, finding, file_id)
            VALUES ('V1', TIMESTAMP '2026-10-05 10:00', 'C1', NULL, '着装不规范', 1),
                   ('V2', TIMESTAMP '2026-10-05 11:00', 'C1', NULL, '离岗', 1)
            """);
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FILTER (WHERE is_violation) FROM core_video_check"));
        c.Execute("UPDATE seed_enum_values SET classes = 'violation' WHERE domain = 'finding' AND canonical = '着装不规范'");
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FILTER (WHERE is_violation) FROM core_video_check"));
        Assert.Equal(2L, c.ExecuteScalar<long>(
            "SELECT video_violations FROM mart_period_video WHERE scope = 'county' AND period_kind = 'month' AND period = DATE '2026-10-01'"));
    }
}
