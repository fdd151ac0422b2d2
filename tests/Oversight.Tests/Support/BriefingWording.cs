using Oversight.Reports;
using Oversight.Reports.Inspection;
using Oversight.Reports.Monthly;

namespace Oversight.Tests;

/// <summary>The reports' sentences as the shipped templates (monthly/sentences.sbn, inspection/sentences.sbn) word them,
/// in plain text: the view models carry facts, so tests on the wording read them through the partials the documents include.</summary>
internal static class BriefingWording
{
    private static readonly TemplateFolder Shipped = new();

    /// <summary>The 存在的问题 lines, numbered as printed.</summary>
    public static List<string> Problems(MonthlyBriefing b) =>
        b.Problems.Select(p => $"{p.Number}. {MonthlyWording.Sentence(Shipped, p)}").ToList();

    /// <summary>The three 基本情况 paragraphs.</summary>
    public static List<string> Overview(MonthlyBriefing b) =>
        Lines(b, "{{ overview_cases overview }}\n{{ overview_service overview }}\n{{ overview_ranking red_list black_list }}");

    /// <summary>The formula in one line.</summary>
    public static string Formula(MonthlyBriefing b) => Lines(b, "{{ formula composite_formula }}").Single();

    /// <summary>The notes under the formula, one a line.</summary>
    public static List<string> FormulaNotes(MonthlyBriefing b) => Lines(b, "{{ formula_notes composite_formula \"\" \"\\n\" }}");

    private static List<string> Lines(MonthlyBriefing b, string calls) =>
        Shipped.RenderText($"{{{{ include '{MonthlyWording.Partial}' }}}}" + calls, b, text => text)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Why an inspection briefing proposes the center, one reason a line.</summary>
    public static List<string> Why(PlannedCenter c) =>
        Inspection(new { Items = c.Why }, "{{ for w in items }}{{ visit_reason w }}\n{{ end }}");

    /// <summary>What to check there, one a line.</summary>
    public static List<string> Checks(PlannedCenter c) =>
        Inspection(new { Items = c.Checks }, "{{ for k in items }}{{ visit_check k }}\n{{ end }}");

    private static List<string> Inspection(object model, string calls) =>
        Shipped.RenderText("{{ include 'inspection/sentences.sbn' }}" + calls, model, text => text)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
