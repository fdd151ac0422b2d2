using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Oversight.Assessment;

/// <summary>A county's assessment scheme (考核办法), read from a JSON file it can edit (report-templates/annual/).
/// Each quarter starts at <see cref="BasePoints"/>; rules deduct or add points from the evidence; deductions within a
/// part stop at the part's points (扣完为止); additions stop at <see cref="MaxAdditionsPerQuarter"/>; the year is the
/// mean of the quarters covered. <see cref="Subject"/> is who is assessed: <c>center</c> (the township head) or
/// <c>staff</c> (window staff).</summary>
public sealed record ScoringRules(
    string Name,
    string Description,
    double BasePoints,
    IReadOnlyList<ScoringRule> Rules,
    IReadOnlyList<Band> Bands,
    string Subject = "center",
    double? MinQuarterScore = null,
    double? MaxAdditionsPerQuarter = null,
    IReadOnlyList<Part>? Parts = null,
    Honour? Honour = null,
    IReadOnlyList<string>? NotEvidenced = null,
    AppealTerms? Appeals = null,
    CredibilityGate? Credibility = null,
    RankingSettings? Ranking = null)
{
    public RankingSettings RankingOrDefault => Ranking ?? new RankingSettings();

    /// <summary>The gate is never off: a file without one still excludes empty halls and back-filled records from honours.</summary>
    public CredibilityGate Gate => Credibility ?? new CredibilityGate();

    /// <summary>Where evidence comes from (sql/marts/mart_assessment_evidence.sql).</summary>
    public static string[] Sources => Vocabulary.Sources;

    /// <summary>Denominators a rate rule may divide by (sql/reports/annual/volumes.sql).</summary>
    public static string[] Volumes => Vocabulary.Volumes;

    /// <summary>Record classes defined once in the core_ views (mart_assessment_evidence.classes).</summary>
    public static readonly string[] Classes = ["bad", "satisfied", "violation", "empty_post", "upheld"];

    public AppealTerms AppealTermsOrDefault => Appeals ?? new AppealTerms();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ScoringRules Load(string path)
    {
        if (!File.Exists(path)) throw new AssessmentException(Messages.RulesFileMissing(path));
        var text = File.ReadAllText(path);
        ScoringRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<ScoringRules>(text, Options);
        }
        catch (UnknownRuleKindException ex)
        {
            throw new AssessmentException(Messages.RulesFileMistake(path, (ex.LineNumber ?? 0) + 1, Messages.RulesRuleMistake(RuleIdAt(text, ex.Path), ex.Message)), ex);
        }
        catch (JsonException ex)
        {
            throw new AssessmentException(Messages.RulesFileUnreadable(path, (ex.LineNumber ?? 0) + 1, Plain(ex.Message)), ex);
        }
        if (rules is null) throw new AssessmentException(Messages.RulesFileEmpty(path));
        rules.Validate(path, text);
        return rules;
    }

    private static string Plain(string message)
    {
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var m = Regex.Match(message, "'([^']+)'");
            return Messages.RulesUnknownSetting(m.Success ? m.Groups[1].Value : "?");
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var m = Regex.Match(message, "properties including: (.+?)\\.");
            return Messages.RulesMissingRequired(m.Success ? m.Groups[1].Value : "");
        }
        return Messages.RulesBadJson(message.Split(" Path:")[0]);
    }

    /// <summary>The id of the rule a JSON path ($.rules[3].kind) points into, for messages; "?" when it has none.</summary>
    private static string RuleIdAt(string text, string? jsonPath)
    {
        var m = Regex.Match(jsonPath ?? "", @"^\$\.rules\[(\d+)\]");
        if (!m.Success) return "?";
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var rule = doc.RootElement.GetProperty("rules")[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
        return rule.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "?";
    }

    /// <summary>The line of the rules file where a rule (by id) or setting is written, for messages.</summary>
    private static int LineOf(string text, string key, string? value = null)
    {
        var pattern = value is null ? $"\"{Regex.Escape(key)}\"\\s*:" : $"\"{Regex.Escape(key)}\"\\s*:\\s*\"{Regex.Escape(value)}\"";
        var m = Regex.Match(text, pattern);
        return m.Success ? text[..m.Index].Count(c => c == '\n') + 1 : 1;
    }

    private void Validate(string path, string text)
    {
        void Fail(int line, string what) => throw new AssessmentException(Messages.RulesFileMistake(path, line, what));
        if (string.IsNullOrWhiteSpace(Name)) Fail(1, Messages.RulesNoName);
        if (Subject is not ("center" or "staff")) Fail(LineOf(text, "subject"), Messages.RulesBadSubject(Subject));
        if (Rules is null || Rules.Count == 0) Fail(LineOf(text, "rules"), Messages.RulesNone);
        var parts = (Parts ?? []).Select(p => p.Id).ToHashSet();
        foreach (var r in Rules!)
        {
            if (string.IsNullOrWhiteSpace(r.Id)) Fail(LineOf(text, "rules"), Messages.RulesNoId);
            var line = LineOf(text, "id", r.Id);
            void Bad(string what) => Fail(line, Messages.RulesRuleMistake(r.Id, what));
            if (!Sources.Contains(r.Source)) Bad(Messages.RulesBadSource(r.Source, Sources));
            if (r.CapPerRecord is { } c && Math.Sign(c) != Math.Sign(r.PointsPerUnit)) Bad(Messages.RulesCapSign("cap_per_record"));
            if (r.CapPerQuarter is { } q && Math.Sign(q) != Math.Sign(r.PointsPerUnit)) Bad(Messages.RulesCapSign("cap_per_quarter"));
            if (r.Part is { } part && !parts.Contains(part)) Bad(Messages.RulesUnknownPart(part));
            if (r.Classes?.FirstOrDefault(c => !Classes.Contains(c)) is { } unknown)
                Bad(Messages.RulesBadClass(unknown, Classes));
            if (r.Per is not null && r.Per is not ("percentage_point" or "per_1000" or "per_case"))
                Bad(Messages.RulesBadPer);
            if (r.Measure is not ("count" or "quantity")) Bad(Messages.RulesBadMeasure);
            foreach (var problem in r.Kind.Problems(r)) Bad(problem);
        }
        if (Rules!.Select(r => r.Id).Distinct().Count() != Rules!.Count) Fail(LineOf(text, "rules"), Messages.RulesRepeatedIds);
        foreach (var p in Parts ?? [])
            if (p.Points <= 0) Fail(LineOf(text, "id", p.Id), Messages.RulesPartPoints(p.Id));
        if (MaxAdditionsPerQuarter is <= 0) Fail(LineOf(text, "max_additions_per_quarter"), Messages.RulesMaxAdditions);
        if (Bands is null || Bands.Count == 0 || Bands[^1].MinScore is not null)
            Fail(LineOf(text, "bands"), Messages.RulesLastBand);
        if (Honour is { TopN: <= 0 }) Fail(LineOf(text, "honour"), Messages.RulesHonourTopN);
        if (Ranking is { } rk)
        {
            if (rk.TieAtCutoff is not ("all" or "none")) Fail(LineOf(text, "tie_at_cutoff"), Messages.RulesTieAtCutoff);
            if (rk.CompareWithin is not (null or "post")) Fail(LineOf(text, "compare_within"), Messages.RulesCompareWithin);
            if (rk.BootstrapDraws is < 0 or > 5000) Fail(LineOf(text, "bootstrap_draws"), Messages.RulesBootstrapDraws);
            if (rk.Level is <= 0.5 or >= 1) Fail(LineOf(text, "level"), Messages.RulesLevel);
        }
    }
}

/// <summary>One rule. <see cref="Kind"/> (one of <see cref="RuleKind.All"/>, read once from the file's string):
/// <c>per_record</c> — each record of <see cref="Source"/> (with an attribute in <see cref="Attributes"/> and a class in
/// <see cref="Classes"/>, when given: classes such as bad or violation are defined once, in the core_ views)
/// scores <see cref="PointsPerUnit"/> per unit of its quantity, capped per record and per quarter;
/// <c>rate</c> — the subject's records ÷ its <see cref="Denominator"/> volume, in percentage points or per 1,000, against
/// <see cref="Target"/> (or the county's figure when no target), pulled towards the county by <see cref="PriorWeight"/>
/// units of volume, scores <see cref="PointsPerUnit"/> per unit above it — so the score does not grow with volume; with
/// <see cref="BothWays"/> a rate below the reference earns as many points per unit (capped alike), so a noisier small
/// sample is not on average worse off than a large one with the same rate;
/// <c>sample</c> — <see cref="SampleSize"/> records per subject and quarter, drawn from those with an attribute in
/// <see cref="Population"/> reproducibly from the deployment key; drawn records with an attribute in
/// <see cref="Attributes"/> score per record;
/// <c>disqualify</c> — a matching record bars the quarter from the bands and honours that require it (评优评先); with
/// <see cref="MaxRate"/> only a rate of matching records per <see cref="Denominator"/> above it does, so the veto does not
/// follow volume; <see cref="Severity"/> marks a one-record veto as deliberate (the report explains it).
/// <see cref="Measure"/> <c>quantity</c> sums the records' quantities (e.g. overdue working days) instead of counting them.</summary>
public sealed record ScoringRule(
    string Id,
    string Source,
    string Label,
    double PointsPerUnit = 0,
    string? Unit = null,
    IReadOnlyList<string>? Attributes = null,
    double? CapPerRecord = null,
    double? CapPerQuarter = null,
    string? Part = null,
    string? Per = null,
    string? Denominator = null,
    double? Target = null,
    double? PriorWeight = null,
    int? SampleSize = null,
    IReadOnlyList<string>? Population = null,
    bool BothWays = false,
    IReadOnlyList<string>? Classes = null,
    string Measure = "count",
    double? MaxRate = null,
    bool Severity = false)
{
    /// <summary>How the rule scores, validates and reads (the file's <c>kind</c>; per_record when not written).</summary>
    public RuleKind Kind { get; init; } = RuleKind.PerRecord;

    /// <summary>Rules that divide by a volume: rate rules and vetoes with a rate line.</summary>
    public bool IsRated => Kind.IsRated(this);

    /// <summary>What a record adds to the numerator: one, or its quantity (e.g. overdue working days).</summary>
    public double Amount(double quantity) => Measure == "quantity" ? quantity : 1;

    /// <remarks>Allocates nothing: the bootstrap asks it of every record of every redraw, many times over.</remarks>
    public bool Matches(Evidence e)
    {
        if (e.Source != Source) return false;
        if (Attributes is not null && (e.Attribute is null || !Attributes.Contains(e.Attribute))) return false;
        if (Classes is null) return true;
        if (e.Classes is null) return false;
        foreach (var c in Classes)
            if (HasClass(e.Classes, c)) return true;
        return false;
    }

    /// <summary>Whether the space-separated list holds the class (the list unsplit).</summary>
    private static bool HasClass(string list, string c)
    {
        foreach (var range in list.AsSpan().Split(' '))
            if (list.AsSpan(range).SequenceEqual(c)) return true;
        return false;
    }

    public bool InPopulation(Evidence e) =>
        e.Source == Source && (Population is null || e.Attribute is not null && Population.Contains(e.Attribute));

    /// <summary>Percentage points (×100) or per 1,000 (×1000).</summary>
    public double Scale => Per switch { "per_1000" => 1000, "per_case" => 1, _ => 100 };
}

/// <summary>The credibility gate (可信度门槛) every scheme carries: no honour, band that requires qualification or place on
/// the honour list goes to a subject whose center was found an empty hall (most video checks found nobody) or with
/// back-filled records (settings empty_hall_check_share, fabricated_backfill_share), that handled fewer than
/// <see cref="MinCasesPerThousandResidents"/> cases per 1,000 residents or <see cref="MinCasesPerWindow"/> per window in the
/// quarter, fewer than <see cref="MinCases"/> cases (a staff member: 样本不足), or scored under <see cref="MinScore"/>.</summary>
public sealed record CredibilityGate(double? MinCasesPerThousandResidents = null, double? MinCasesPerWindow = null, int? MinCases = null,
    double? MinScore = null, bool EmptyHall = true, bool Fabricated = true);

/// <summary>How rankings treat ties and noise: scores carry an interval from <see cref="BootstrapDraws"/> redraws of the
/// period's records (at <see cref="Level"/>); with <see cref="RequireSeparation"/> honours stop at a 档次 boundary; a
/// cut-off inside a tie or 档次 takes all of it or none (<see cref="TieAtCutoff"/>); <see cref="CompareWithin"/> = post
/// ranks A-post and B-post staff separately.</summary>
public sealed record RankingSettings(string TieAtCutoff = "none", bool RequireSeparation = true, int BootstrapDraws = 200,
    double Level = 0.9, string? CompareWithin = null, int Seed = 20);

/// <summary>A band (等次): the first whose minimum score and top-N place a subject meets; with
/// <see cref="RequiresQualified"/>, a disqualified quarter (or year) cannot have it.</summary>
public sealed record Band(string Name, double? MinScore = null, int? TopN = null, bool RequiresQualified = false);

/// <summary>A part of the 100 points (e.g. 思想品德 15): deductions within it stop at <see cref="Points"/> (扣完为止).</summary>
public sealed record Part(string Id, string Label, double Points);

/// <summary>The quarter's honour list (e.g. 红旗窗口): the top <see cref="TopN"/> qualified subjects.</summary>
public sealed record Honour(string Name, int TopN);

/// <summary>How results are published for review (公示期): working days from the report date, where to apply, what to bring.</summary>
public sealed record AppealTerms(int WorkingDays = 5, string Address = Vocabulary.DefaultAppealAddress,
    string Bring = Vocabulary.DefaultAppealBring);
