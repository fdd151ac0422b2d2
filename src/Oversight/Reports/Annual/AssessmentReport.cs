using System.Globalization;
using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Annual;

/// <summary>Writes an assessment: HTML, Markdown, Word and (with Chromium) PDF through the templates, and beside them
/// a workbook of the scores and every scored line, for the townships to check line by line.</summary>
public static class AssessmentReport
{
    public sealed record Files(ReportFiles Report, string Xlsx)
    {
        public IReadOnlyList<string> All => [.. Report.All, Xlsx];
    }

    public static Files Write(TemplateFolder templates, AnnualAssessmentReport report, string outDir, string fileBase, bool pdf = true)
    {
        var files = ReportWriter.Write(templates, "annual/assessment", report, outDir, fileBase, pdf);
        var xlsx = Path.Combine(outDir, fileBase + ".xlsx");
        WorkbookWriter.Write(xlsx, Sheets(report));
        return new Files(files, xlsx);
    }

    public static readonly string[] SheetNames = ["考核结果", "逐条计分"];

    /// <summary>The ranking as the document prints it, and every scored line of every subject, figures as numbers.</summary>
    public static IReadOnlyList<SheetTable> Sheets(AnnualAssessmentReport r)
    {
        var subject = r.IsStaff ? ["工号", "工作人员", "所在中心", "窗口"] : new[] { "中心编码", "中心", "乡镇长" };
        var ranking = new SheetTable(SheetNames[0],
            ["名次", .. subject, .. r.QuarterHeaders, "得分", "等次", "扣分", "加分", "否决项"],
            r.Ranking.Select(RankingRow).ToList());
        var lines = new SheetTable(SheetNames[1],
            [r.IsStaff ? "工号" : "中心编码", r.SubjectLabel, "所在中心", "季度", "日期", "来源", "记录编号", "计分项目", "数量", "分值", "说明", "复核"],
            r.Appendix.SelectMany(s => s.Quarters.SelectMany(q => q.Lines.Select(l => new object?[]
            {
                s.Code, s.Name, s.Township, q.Label, Day(l.Date), l.Source, l.RecordId, l.Rule, Num(l.Quantity), Num(l.Points), l.Note, l.Appeal,
            }))).ToList());
        return [ranking, lines];

        object?[] RankingRow(RankedRow x) =>
        [
            x.Rank, x.Code, x.Name, .. r.IsStaff ? new object?[] { x.Center, x.Detail } : [x.Detail],
            .. x.Quarters.Select(Num), Num(x.Score), x.Band, Num(x.Deductions), Num(x.Additions), x.Disqualified,
        ];
    }

    /// <summary>A printed figure ("12.5", "+2", "−1.5") as its number; "—" or text stays as it is printed.</summary>
    private static object? Num(string text)
    {
        var t = text.Replace(",", "").Replace('−', '-').TrimStart('+');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : text.Length == 0 || text == "—" ? null : text;
    }

    private static object Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : text;
}
