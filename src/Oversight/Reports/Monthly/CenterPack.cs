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
    /// <summary>The catalogue's table of a township's figures beside the county's (report-templates/figures.json).</summary>
    private const string FiguresSpec = "monthly.center";

    /// <summary>A pack per center of the briefing, in ranking order; the title and rank are worded by the partial
    /// (center_title, center_rank), the figures named by the catalogue.</summary>
    public static IReadOnlyList<CenterPack> From(MonthlyBriefing b, TemplateFolder templates)
    {
        var county = b.Headline.ToDictionary(h => h.Key, h => h.Value);
        var spec = Figures.FigureCatalogue.Load(templates).Table(FiguresSpec).Where(c => c.Figures.Count == 1).ToList();
        var centers = b.Ranking.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var facts = centers.Select(r => new { r.Name, Rank = r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Of = b.Ranking.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var words = MonthlyWording.Render(templates, new { b.MonthLabel, Centers = facts },
            facts.SelectMany((_, i) => new[] { $"center_title centers[{i}]", $"center_rank centers[{i}]" }).ToList());
        return centers.Select((r, i) => new CenterPack(
            words[2 * i],
            b.CountyName, b.MonthLabel, r.Name, r.Head, b.Form,
            words[2 * i + 1],
            spec.Select(c =>
            {
                var f = c.Figures[0];
                var label = c.HeaderGiven ? c.Header : f.Unit.Length == 0 ? f.Name : $"{f.Name}（{f.Unit}）";
                return new PackFigure(label, r[f.Key], county.GetValueOrDefault(f.Key, "—"));
            }).ToList(),
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
        foreach (var pack in From(briefing, templates))
        {
            var name = MonthlyReport.FileBase(month, briefing.Form.IsDraft).Replace(Messages.MonthlyFileStem + "_", $"{Messages.PackFileStem}_{Safe(pack.CenterName)}_", StringComparison.Ordinal);
            files.AddRange(ReportWriter.Write(templates, "monthly/center", pack, outDir, name, pdf: false).All);
        }
        return files;
    }

    private static string Safe(string name) =>
        new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray());
}
