using System.Text.RegularExpressions;
using Oversight.Rectification;
using Oversight.Warehouse;

namespace Oversight.Tests.Rectification;

/// <summary>The 整改反馈 loader allows exactly the moves a township may make in C# (RectificationStatuses), so the
/// workbook and `rectify update` follow one rule.</summary>
public class StatusMoveTests
{
    [Fact]
    public void The_feed_loader_allows_exactly_the_township_moves_and_never_a_close()
    {
        var sql = SqlFiles.Read("ingest/rectification_updates.sql");
        var values = Regex.Match(sql, @"moves\(from_status, to_status\) AS \(\s*VALUES(.*?)\),\s*parsed", RegexOptions.Singleline).Groups[1].Value;
        var inSql = Regex.Matches(values, @"\('([^']+)', '([^']+)'\)").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet();
        var all = Enum.GetValues<RectificationStatus>();
        var inCode = all.SelectMany(from => all.Where(to => RectificationStatuses.TownshipMay(from, to)).Select(to => (from.Name(), to.Name()))).ToHashSet();
        Assert.NotEmpty(inSql);
        Assert.Equal(inCode.OrderBy(x => x).ToList(), inSql.OrderBy(x => x).ToList());
        Assert.DoesNotContain(inSql, m => m.Item2 == RectificationStatus.Closed.Name());
        Assert.True(RectificationStatuses.OfficeMay(RectificationStatus.ReviewRequested, RectificationStatus.Closed));
        Assert.False(RectificationStatuses.OfficeMay(RectificationStatus.InProgress, RectificationStatus.Closed));
    }
}
