namespace Oversight.Assessment;

/// <summary>A note on a scored line (the appendix's 说明): a fact, worded by report-templates/annual/sentences.sbn
/// (line_note, picked by <see cref="Kind"/>); a line's notes print in the order they were added. Figures are formatted.</summary>
public abstract record LineNote(string Kind);

/// <summary>A rule kind's own account of the line (a rate's computation, a sample's draw), worded by the kind (RuleKind.cs).</summary>
public sealed record KindNote(string Text) : LineNote("kind");

/// <summary>A rate line's computation: <see cref="Numerator"/> (cases when <see cref="Counted"/>, else a sum such as working
/// days) ÷ <see cref="Volume"/> of <see cref="Denominator"/> = <see cref="Rate"/> (null with no volume), shrunk by
/// <see cref="PriorWeight"/> units towards the county's (null: no shrinking) to <see cref="Shrunk"/>, against the county's
/// or the scheme's target (<see cref="AgainstTarget"/>) <see cref="Reference"/>; <see cref="Direction"/> above, below or
/// level, by <see cref="Excess"/>. Rates are in <see cref="Per"/>'s unit (percentage_point, per_1000, per_case).</summary>
public sealed record RateNote(string Label, string Numerator, bool Counted, string Denominator, string Volume, string? Rate, string Per,
    string? PriorWeight, string Shrunk, bool AgainstTarget, string Reference, string Direction, string Excess) : LineNote("rate");

/// <summary>A veto by rate: <see cref="Numerator"/> ÷ <see cref="Volume"/> of <see cref="Denominator"/> = <see cref="Rate"/>
/// (null with no volume) against the veto line <see cref="Line"/>, the county's <see cref="County"/> beside it;
/// <see cref="Bars"/> when it is over the line. Rates are in <see cref="Per"/>'s unit.</summary>
public sealed record VetoRateNote(string Label, string Numerator, string Denominator, string Volume, string? Rate, string Per, string Line,
    string County, bool Bars) : LineNote("vetoRate");

/// <summary>The record's points were cut to the rule's cap_per_record (<see cref="Cap"/>, signed as in the scheme).</summary>
public sealed record CapPerRecordNote(string Cap) : LineNote("capPerRecord");

/// <summary>The rule's cap_per_quarter was reached with this line.</summary>
public sealed record CapPerQuarterNote(string Cap) : LineNote("capPerQuarter");

/// <summary>A two-way rate earned its largest addition (<see cref="Cap"/> points).</summary>
public sealed record AdditionCapPerRuleNote(string Cap) : LineNote("additionCapPerRule");

/// <summary>扣完为止: <see cref="Part"/>'s <see cref="Points"/> were used up; the line would have given <see cref="Would"/>.</summary>
public sealed record PartUsedUpNote(string Part, string Points, string Would) : LineNote("partUsedUp");

/// <summary>The quarter's additions cap (+<see cref="Max"/>) was reached; the line would have given +<see cref="Would"/>.</summary>
public sealed record AdditionsCapNote(string Max, string Would) : LineNote("additionsCap");

/// <summary>An appeal (复核) decided on the line's record: <see cref="Action"/> withdraw, keep (维持原结论) or change, the
/// quantity from <see cref="From"/> to <see cref="To"/>; <see cref="DecidedOn"/> as yyyy-MM-dd.</summary>
public sealed record AppealNote(string Action, long AppealId, string Approver, string DecidedOn, string Reason, string From, string To)
    : LineNote("appeal");
