namespace Oversight.Reports.Monthly;

/// <summary>The monthly briefing's sentences as plain text, for what is not a document: a 存在的问题 line becomes the
/// problem of a 整改 item in the ledger, in the same words as the 通报 printed it (report-templates/monthly/sentences.sbn,
/// the county's copy when it has one).</summary>
public static class MonthlyWording
{
    /// <summary>The partial holding the sentences; the briefing and township templates include it.</summary>
    public const string Partial = "monthly/sentences.sbn";

    /// <summary>The line's sentence, without its number.</summary>
    public static string Sentence(TemplateFolder templates, ProblemLine line) =>
        templates.RenderText($"{{{{ include '{Partial}' }}}}{{{{ problem_line line }}}}", new { Line = line }, text => text).Trim();
}
