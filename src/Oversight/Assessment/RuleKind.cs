using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oversight.Assessment;

/// <summary>
/// The closed set of assessment rule kinds (<c>kind</c> in a scheme file): each owns the checks it needs in the file,
/// how it scores a subject's quarter and the Chinese formula text printed in the assessment. The file's string is
/// mapped to one of these once, when the scheme is read (<see cref="RuleKindConverter"/>).
/// </summary>
[JsonConverter(typeof(RuleKindConverter))]
public abstract class RuleKind
{
    /// <summary>As the scheme file writes it: per_record, rate, sample, disqualify.</summary>
    public string Code { get; }

    /// <summary>The kind column of the rule table: 逐条, 比率, 抽样, 否决.</summary>
    public string Name { get; }

    /// <summary>What the file's error message offers: "per_record（逐条）".</summary>
    private readonly string _choice;

    private protected RuleKind(string code, string name, string choice) => (Code, Name, _choice) = (code, name, choice);

    public static readonly RuleKind PerRecord = new PerRecordKind();
    public static readonly RuleKind Rate = new RateKind();
    public static readonly RuleKind Sample = new SampleKind();
    public static readonly RuleKind Disqualify = new DisqualifyKind();

    public static readonly IReadOnlyList<RuleKind> All = [PerRecord, Rate, Sample, Disqualify];

    public static RuleKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);

    /// <summary>"per_record（逐条）、rate（比率）、sample（抽样）或 disqualify（取消评优资格）".</summary>
    public static string Choices => string.Join("、", All.Take(All.Count - 1).Select(k => k._choice)) + "或 " + All[^1]._choice;

    public override string ToString() => Code;

    /// <summary>Whether the rule divides by a volume (rate rules, and vetoes with a rate line).</summary>
    public virtual bool IsRated(ScoringRule rule) => false;

    /// <summary>Whether a matching record can bar a quarter from honours.</summary>
    public virtual bool Vetoes => false;

    /// <summary>What this kind requires of a rule in the file, as Chinese sentences (empty when the rule is right).</summary>
    public virtual IEnumerable<string> Problems(ScoringRule rule)
    {
        if (rule.MaxRate is not null) yield return "max_rate（否决线）只用于 disqualify 规则。";
        if (rule.PointsPerUnit == 0) yield return "缺少 points_per_unit（每单位分值）。";
    }

    /// <summary>Whether a matching record gets a line of its own (<see cref="ScoreRecord"/>); the bootstrap redraws the
    /// quarter hundreds of times, so the other kinds are not asked.</summary>
    internal virtual bool ScoresRecords => false;

    /// <summary>The lines a matching record earns when it is met, in file order within the record.</summary>
    internal virtual void ScoreRecord(QuarterScoring q, ScoringRule rule, Evidence e) { }

    /// <summary>Zero-point lines listing the records behind a quarter figure (for the appendix only).</summary>
    internal virtual void ExplainRecord(QuarterScoring q, ScoringRule rule, Evidence e) { }

    /// <summary>The lines computed over the whole quarter (a sample, a rate); see <see cref="QuarterOrder"/>.</summary>
    internal virtual void ScoreQuarter(QuarterScoring q, ScoringRule rule) { }

    /// <summary>Quarter lines follow the record lines, samples first, then rate vetoes, then rates: part caps (扣完为止)
    /// stop deductions in line order, so the order is part of the score.</summary>
    internal static readonly IReadOnlyList<RuleKind> QuarterOrder = [Sample, Disqualify, Rate];

    /// <summary>The rule's formula as the assessment prints it, e.g. "每工作日 −2 分，单条最多 −10 分".</summary>
    public abstract string Formula(ScoringRule rule);

    /// <summary>The method section's sentence for a scheme that uses this kind, or null.</summary>
    public virtual string? MethodNote(ScoringRules rules) => null;

    /// <summary>The method section's sentence about one rule of this kind, or null.</summary>
    public virtual string? RuleNote(ScoringRule rule) => null;

    private static readonly Dictionary<string, string> ClassNames = new()
    {
        ["bad"] = "差评", ["satisfied"] = "满意", ["violation"] = "违规", ["empty_post"] = "空岗无人", ["upheld"] = "属实",
    };

    /// <summary>Attributes and record classes, named as the reader knows them.</summary>
    private protected static IReadOnlyList<string> Conditions(ScoringRule r) =>
        [.. r.Attributes ?? [], .. (r.Classes ?? []).Select(c => ClassNames.GetValueOrDefault(c, c))];

    private protected static string Bracketed(IReadOnlyList<string> items) => items.Count > 0 ? $"（{string.Join("、", items)}）" : "";

    private protected static string PointsFormula(ScoringRule r, string unit) => $"{unit} {Signed(r.PointsPerUnit)} 分";

    private protected static string Caps(ScoringRule r) =>
        (r.CapPerRecord is { } c ? $"，单条最多 {Signed(c)} 分" : "") + (r.CapPerQuarter is { } q ? $"，每季度最多 {Signed(q)} 分" : "");

    internal static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Signed(double v) => v > 0 ? "+" + N(v) : v < 0 ? "−" + N(-v) : "0";

    private protected static string PerHundred(ScoringRule r) => r.Per == "per_1000" ? "千件" : "百件";

    private sealed class PerRecordKind() : RuleKind("per_record", "逐条", "per_record（逐条）")
    {
        internal override bool ScoresRecords => true;

        internal override void ScoreRecord(QuarterScoring q, ScoringRule rule, Evidence e)
        {
            var (points, notes) = Scorer.Capped(rule, e.Quantity * rule.PointsPerUnit, q.UsedByRule);
            q.Add(q.Line(e, rule, points, Scorer.Notes("", notes, e)));
        }

        public override string Formula(ScoringRule r) => Bracketed(Conditions(r)) + PointsFormula(r, "每" + (r.Unit ?? "条")) + Caps(r);
    }

    private sealed class RateKind() : RuleKind("rate", "比率", "rate（比率）")
    {
        public override bool IsRated(ScoringRule rule) => true;

        public override IEnumerable<string> Problems(ScoringRule r)
        {
            if (r.Per is null) yield return "比率规则须写 per：percentage_point（每百分点）、per_1000（每千件）或 per_case（每件平均）。";
            if (r.Denominator is null || !ScoringRules.Volumes.Contains(r.Denominator))
                yield return $"比率规则须写 denominator，应为 {string.Join("、", ScoringRules.Volumes)} 之一。";
            if (r.PriorWeight is < 0) yield return "prior_weight 不能为负数。";
            foreach (var p in base.Problems(r)) yield return p;
        }

        internal override void ExplainRecord(QuarterScoring q, ScoringRule rule, Evidence e) =>
            q.Add(q.Line(e, rule, 0, Scorer.Notes($"计入“{rule.Label}”比率，不逐条扣分", [], e)));

        /// <summary>The subject's rate, pulled towards the county's by prior_weight units of volume, against the target
        /// (or the county): points per unit above it (and below it, both ways), so the score does not follow volume.</summary>
        internal override void ScoreQuarter(QuarterScoring q, ScoringRule rule)
        {
            var n = q.Numerator(rule);
            var d = q.Volume(rule.Denominator!);
            var countyRate = q.CountyRate(rule);
            if (d == 0 && n == 0)
            {
                // Nothing to divide: the item does not apply to this subject this quarter (e.g. a B-post clerk's cases).
                q.Add(q.QuarterLine(rule, 0, 0, Scorer.Notes($"本季度无{rule.Denominator}，此项不适用，不计分", [])));
                return;
            }
            var k = rule.PriorWeight ?? 0;
            var rate = d + k > 0 ? (n + k * countyRate) / (d + k) : countyRate;
            var measure = rate * rule.Scale;
            var reference = rule.Target ?? countyRate * rule.Scale;
            var excess = rule.BothWays ? measure - reference : Math.Max(0, measure - reference);
            var (points, notes) = rule.BothWays && excess < 0
                ? Scorer.CappedBelow(rule, excess * rule.PointsPerUnit) : Scorer.Capped(rule, excess * rule.PointsPerUnit, q.UsedByRule);
            if (!q.Explain)
            {
                // A bootstrap redraw needs the points only, not the sentence (built 200 times per subject and quarter).
                q.Add(q.QuarterLine(rule, Math.Round(excess, 2), points, []));
                return;
            }
            // Worded by the annual partial (line_note "rate"), with the caps' notes after it.
            var rateNote = new RateNote(rule.Label, N(n), rule.Measure != "quantity", rule.Denominator!, N(d), d > 0 ? N(n / d * rule.Scale) : null,
                rule.Per!, k > 0 ? N(k) : null, N(measure), rule.Target is not null, N(reference),
                excess > 0 ? "above" : excess < 0 ? "below" : "level", N(Math.Abs(excess)));
            q.Add(q.QuarterLine(rule, Math.Round(excess, 2), points, [rateNote, .. notes]));
        }

        public override string Formula(ScoringRule r)
        {
            var unit = r.Per switch
            {
                "per_1000" => $"每千件（÷{r.Denominator}）",
                "per_case" => $"每件平均每多 1 {(r.Measure == "quantity" ? "个工作日" : "次")}（÷{r.Denominator}）",
                _ => $"每百分点（÷{r.Denominator}）",
            };
            var text = $"{(r.BothWays ? "双向：" : "")}高于{(r.Target is { } t ? $"目标 {N(t)}{(r.Per == "per_1000" ? "‰" : "%")}" : "全县同期水平")}的部分，" +
                       PointsFormula(r, unit) + (r.BothWays ? "，低于的部分每单位加同样分值" : "") +
                       (r.PriorWeight is { } k && k > 0 ? $"（信度权重 {N(k)} 件）" : "");
            return Bracketed(Conditions(r)) + text + Caps(r);
        }

        public override string MethodNote(ScoringRules rules) =>
            "比率项按占比计分（每百分点或每千件），与全县同期水平（或设定目标）比较，对高出部分扣分" +
            (rules.Rules.Any(r => r.Kind == this && r.BothWays) ? "、低于部分加分（注明“双向”的项目）" : "") + "，因此得分不随办件量多少而增减；" +
            "样本少的单位先按“信度权重”向全县水平收缩，避免一两件偶然情况造成大幅扣分。全县参照值按复核前的原始记录计算，复核只改变被复核的单位。";
    }

    private sealed class SampleKind() : RuleKind("sample", "抽样", "sample（抽样）")
    {
        public override IEnumerable<string> Problems(ScoringRule r)
        {
            if (r.SampleSize is not > 0) yield return "抽样规则须写 sample_size（每季度每个考核对象抽取的条数）。";
            foreach (var p in base.Problems(r)) yield return p;
        }

        /// <summary>sample_size records per subject and quarter, drawn reproducibly from the deployment key; drawn records
        /// that match score per record, the others are listed as drawn without points.</summary>
        internal override void ScoreQuarter(QuarterScoring q, ScoringRule rule)
        {
            var population = q.Ordered.Where(e => rule.InPopulation(e)).ToList();
            var drawn = population.OrderBy(e => q.Draw.Order(q.Rules.Name, rule.Id, q.Subject.Key, q.Year, q.Quarter, e.RecordId), StringComparer.Ordinal)
                .Take(rule.SampleSize!.Value).ToList();
            for (var i = 0; i < drawn.Count; i++)
            {
                var e = drawn[i];
                var note = $"随机抽取第 {i + 1}/{drawn.Count} 条（本季度共 {population.Count} 条可抽）";
                if (rule.Matches(e))
                {
                    var (points, notes) = Scorer.Capped(rule, e.Quantity * rule.PointsPerUnit, q.UsedByRule);
                    q.Add(q.Line(e, rule, points, Scorer.Notes(note, notes, e)));
                }
                else q.Add(q.Line(e, rule, 0, Scorer.Notes(note + "，结果不扣分", [], e)));
            }
        }

        public override string Formula(ScoringRule r) =>
            $"每季度抽取 {r.SampleSize} 条，抽中{Bracketed(Conditions(r))}" + PointsFormula(r, "每" + (r.Unit ?? "条")) + Caps(r);

        public override string MethodNote(ScoringRules rules) =>
            "抽样项每季度每个考核对象按固定规则抽取记录（以本系统部署密钥计算，可复现，乡镇无法预知），抽中的记录全部列入附录。";
    }

    private sealed class DisqualifyKind() : RuleKind("disqualify", "否决", "disqualify（取消评优资格）")
    {
        public override bool IsRated(ScoringRule rule) => rule.MaxRate is not null;

        public override bool Vetoes => true;

        internal override bool ScoresRecords => true;

        public override IEnumerable<string> Problems(ScoringRule r)
        {
            if (r.MaxRate is not null)
            {
                if (r.Per is null || r.Denominator is null || !ScoringRules.Volumes.Contains(r.Denominator))
                    yield return $"按比率否决的规则须写 per 和 denominator（{string.Join("、", ScoringRules.Volumes)} 之一）。";
                if (r.Severity) yield return "severity（严重性否决，一条即否决）与 max_rate（按比率否决）不能同时使用。";
            }
            if (r.PointsPerUnit != 0) yield return "取消评优资格的规则不计分，points_per_unit 应为 0 或不写。";
        }

        internal override void ScoreRecord(QuarterScoring q, ScoringRule rule, Evidence e)
        {
            if (rule.MaxRate is not null)
            {
                if (q.Explain) q.Add(q.Line(e, rule, 0, Scorer.Notes($"计入“{rule.Label}”否决比率", [], e)));
                return;
            }
            var bars = e.Quantity > 0;
            q.Add(q.Line(e, rule, 0, Scorer.Notes(bars ? "取消本季度评优评先资格" : "", [], e), bars));
        }

        /// <summary>A veto that scales with volume: the subject's own rate against the line, the county's rate beside it.</summary>
        internal override void ScoreQuarter(QuarterScoring q, ScoringRule rule)
        {
            if (rule.MaxRate is not { } line) return;
            var n = q.Numerator(rule);
            var d = q.Volume(rule.Denominator!);
            var rate = d > 0 ? n / d * rule.Scale : 0;
            var bars = n > 0 && rate > line + 1e-9;
            q.Add(q.QuarterLine(rule, Math.Round(rate, 2), 0, [new VetoRateNote(rule.Label, N(n), rule.Denominator!, N(d), d > 0 ? N(rate) : null,
                rule.Per!, N(line), N(q.CountyRate(rule) * rule.Scale), bars)], bars));
        }

        public override string Formula(ScoringRule r) =>
            Bracketed(Conditions(r)) +
            (r.MaxRate is { } max ? $"每{PerHundred(r)}{r.Denominator}超过 {N(max)} 件的，" : r.Severity ? "严重性否决，一经查实即" : "一条即") +
            "取消当季评优评先资格";

        public override string MethodNote(ScoringRules rules) =>
            "否决项不扣分，但取消该季度（及年度）评优评先资格：不得评为" +
            string.Join("、", rules.Bands.Where(b => b.RequiresQualified).Select(b => b.Name)) + (rules.Honour is { } h ? $"，不得列入{h.Name}" : "") + "。";

        public override string RuleNote(ScoringRule r) =>
            r.MaxRate is { } max
                ? $"否决项“{r.Label}”按比率认定：每{PerHundred(r)}{r.Denominator}超过 {N(max)} 件的才否决，并在附录列出全县同期水平，办件多的中心不因件数多而更易被否决。"
                : r.Severity
                    ? $"否决项“{r.Label}”为严重性否决：性质严重，一经查实即否决，不按办件量折算。"
                    : $"否决项“{r.Label}”按方案原文一条即否决；办件多的单位更容易出现，县里实际执行的否决线（如超期率）可在规则文件中写明。当季多数对象被同一项否决时，报告开头予以提示。";
    }
}

/// <summary>Reads a rule's <c>kind</c> once; an unknown one stops the file with a Chinese message (see <see cref="ScoringRules.Load"/>).</summary>
public sealed class RuleKindConverter : JsonConverter<RuleKind>
{
    public override RuleKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return RuleKind.Find(code) ?? throw new UnknownRuleKindException(code ?? "");
    }

    public override void Write(Utf8JsonWriter writer, RuleKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}

/// <summary>A scheme file names a rule kind outside the closed set.</summary>
public sealed class UnknownRuleKindException(string code) : JsonException(Messages.UnknownRuleKind(code, RuleKind.Choices))
{
    public string Code { get; } = code;
}
