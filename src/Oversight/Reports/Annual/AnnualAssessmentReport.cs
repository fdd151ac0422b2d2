namespace Oversight.Reports.Annual;

/// <summary>The annual assessment of township heads (年度考核) as the templates see it.</summary>
public sealed record AnnualAssessmentReport(
    string Title,
    string CountyName,
    string Year,
    string GeneratedAt,
    string Issuer,
    string RulesDescription,
    IReadOnlyList<RuleText> Rules,
    IReadOnlyList<BandText> Bands,
    string Coverage,
    IReadOnlyList<RankedHead> Ranking,
    IReadOnlyList<AppealText> Appeals,
    IReadOnlyList<CenterAppendix> Appendix);

public sealed record RuleText(string Source, string Label, string Points);

public sealed record BandText(string Name, string Condition);

public sealed record RankedHead(int Rank, string Code, string Name, string Head, IReadOnlyList<string> Quarters, string Score,
    string Band, string Deductions, string Additions);

public sealed record AppealText(long AppealId, string CenterName, string Source, string RecordId, string Decision, string Reason,
    string Approver, string DecidedOn);

public sealed record CenterAppendix(string Code, string Name, string Head, string Score, IReadOnlyList<QuarterAppendix> Quarters);

public sealed record QuarterAppendix(string Label, string BasePoints, string Points, string Score, IReadOnlyList<LineText> Lines);

public sealed record LineText(string Date, string Source, string RecordId, string Rule, string Quantity, string Points, string Note);
