namespace Oversight.Reports.Inspection;

/// <summary>The inspection briefing's partial: its title, the plan's basis, the priority formula, the timing notes, the
/// last visit, the record of earlier plans and the evidence annex's words are worded there (the county's copy wins) and
/// only computed here (see <see cref="Wording.Render"/>).</summary>
public static class InspectionWording
{
    public const string Partial = "inspection/sentences.sbn";
}
