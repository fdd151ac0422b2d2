using Oversight.Calendar;
namespace Oversight.Reports.Monthly;

/// <summary>One township's short document (乡镇分送件) cut from the month's briefing: its figures beside the county's,
/// its problems, its overdue and long-open cases and its upheld complaints. Every figure is the briefing's own, so the
/// pack and the 通报 never disagree. Kept flat so another writer (DOCX) can take it as it is.</summary>
public sealed record CenterPack(
    string Title,
    string CountyName,
    string MonthLabel,
    string CenterName,
    string HeadName,
    BriefingForm Form,
    string Rank,
    IReadOnlyList<PackFigure> Figures,
    IReadOnlyList<ProblemLine> Problems,
    CenterOverdue? Overdue,
    CenterOverdue? LongOpen,
    CenterComplaints? Upheld,
    string? WorkbookFile);

/// <summary>A figure of the township beside the county's.</summary>
public sealed record PackFigure(string Label, string Center, string County);

public static class CenterPacks
{
    /// <summary>A pack per center of the briefing, in ranking order.</summary>
    public static IReadOnlyList<CenterPack> From(MonthlyBriefing b)
    {
        var county = b.Headline.ToDictionary(h => h.Key, h => h.Value);
        string C(string key) => county.GetValueOrDefault(key, "—");
        return b.Ranking.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new CenterPack(
            $"{b.MonthLabel}{r.Name}便民服务中心运行情况",
            b.CountyName, b.MonthLabel, r.Name, r.Head, b.Form,
            $"{r.Rank}（共 {b.Ranking.Count} 个）",
            [
                new("受理办件（件）", r["cases_accepted"], C("cases_accepted")),
                new("按期办结率", r["timeliness_rate"], C("timeliness_rate")),
                new("月末超期未办结（件）", r["backlog_overdue"], C("backlog_overdue")),
                new("收到投诉（件）", r["complaints"], C("complaints")),
                new("属实投诉（件）", r["complaints_upheld"], C("complaints_upheld")),
                new("回访满意率", r["satisfaction_rate"], C("satisfaction_rate")),
                new("视频抽查违规率", r["violation_rate"], C("violation_rate")),
                new("综合得分", r.Score, C("composite_score")),
            ],
            // The 存在的问题 sentences that name this township.
            b.Problems.Where(p => p.CenterCode == r.Code).ToList(),
            b.OverdueByCenter.FirstOrDefault(c => c.CenterName == r.Name),
            b.LongOpenByCenter.FirstOrDefault(c => c.CenterName == r.Name),
            b.UpheldByCenter.FirstOrDefault(c => c.CenterName == r.Name),
            b.WorkbookFile)).ToList();
    }

    /// <summary>Writes every pack (Word, HTML and Markdown) to <paramref name="outDir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(TemplateFolder templates, MonthlyBriefing briefing, string outDir, Month month)
    {
        var files = new List<string>();
        foreach (var pack in From(briefing))
        {
            var name = MonthlyReport.FileBase(month, briefing.Form.IsDraft).Replace("月度通报_", $"乡镇分送_{Safe(pack.CenterName)}_", StringComparison.Ordinal);
            files.AddRange(ReportWriter.Write(templates, "monthly/center", pack, outDir, name, pdf: false).All);
        }
        return files;
    }

    private static string Safe(string name) =>
        new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray());
}
