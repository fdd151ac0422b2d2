using Oversight.Assessment;

namespace Oversight.Reports.Annual;

/// <summary>The assessment's words the program needs as text: the cells of the ranking and of the appendix's lines (the
/// documents' tables and the workbook print the same text) and the coverage and partial-period mark the command line
/// prints; the program passes facts, report-templates/annual/sentences.sbn (the county's copy when it has one) words them.</summary>
public static class AssessmentWording
{
    /// <summary>The partial holding the sentences; the assessment's templates include it.</summary>
    public const string Partial = "annual/sentences.sbn";

    public static string Coverage(TemplateFolder templates, CoverageFacts coverage) =>
        Wording.Render(templates, Partial, new { Coverage = coverage }, ["coverage_text coverage"])[0];

    public static string PartialNotice(TemplateFolder templates, PartialPeriod partial) =>
        Wording.Render(templates, Partial, new { PartialPeriod = partial }, ["partial_notice partial_period"])[0];

    /// <summary>Per row: its rank text, its vetoed quarters and its reasons, worded.</summary>
    public static IReadOnlyList<string[]> RankingCells(TemplateFolder templates, IReadOnlyList<RankCells> rows) =>
        Wording.RenderEach(templates, Partial, rows, ["rank_text", "vetoed_quarters", "gate_reasons"]);

    /// <summary>Per line: its notes and its 复核 cell, worded; a line with neither is "" twice and not rendered.</summary>
    public static IReadOnlyList<(string Note, string Appeal)> LineCells(TemplateFolder templates, IReadOnlyList<ScoreLine> lines)
    {
        static bool Worded(ScoreLine l) => l.Notes.Count > 0 || l.Appeal is not null;
        var text = new Queue<string[]>(Wording.RenderEach(templates, Partial,
            lines.Where(Worded).Select(l => new LineCells(l.Notes, l.Appeal is { } a ? new LineAppeal(a.AppealId, a.Action) : null)).ToList(),
            ["line_notes", "line_appeal"]));
        return lines.Select(l => Worded(l) && text.Dequeue() is [var note, var appeal] ? (note, appeal) : ("", "")).ToList();
    }
}

/// <summary>A ranking row's cells before they are worded: its rank (<see cref="Tied"/> when shared, 并列), the quarters a
/// veto barred, and why it may not be honoured (vetoes left out: they have their column).</summary>
public sealed record RankCells(int Rank, bool Tied, IReadOnlyList<string> VetoedQuarters, IReadOnlyList<Ineligibility> Reasons);

/// <summary>A scored line's cells before they are worded: its notes (说明) and the appeal decided on it, if any.</summary>
public sealed record LineCells(IReadOnlyList<LineNote> Notes, LineAppeal? Appeal);

/// <summary>The 复核 cell's facts: the appeal's number and what it decided (withdraw, keep, change).</summary>
public sealed record LineAppeal(long Id, string Action);
