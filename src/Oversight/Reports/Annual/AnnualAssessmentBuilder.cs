using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Reports.Annual;

/// <summary>Scores a period with a scheme (sql/reports/annual), stores the results (assessment_score /
/// staff_assessment_score), records the publication and its review period, and lays out the report from the stored
/// results, so the report and BI tools read the same numbers.</summary>
public static class AnnualAssessmentBuilder
{
    public static (AnnualAssessmentReport Report, AssessmentResult Result) Build(DuckDBConnection connection, int year,
        ScoringRules rules, ReportSettings settings, DateTime generatedAt) =>
        Build(connection, AssessmentPeriod.OfYear(year), rules, settings, generatedAt);

    public static (AnnualAssessmentReport Report, AssessmentResult Result) Build(DuckDBConnection connection, AssessmentPeriod period,
        ScoringRules rules, ReportSettings settings, DateTime generatedAt, byte[]? drawKey = null)
    {
        var staff = rules.Subject == "staff";
        var reportDay = DateOnly.FromDateTime(generatedAt);
        var p = new { year = period.Year, first_quarter = period.FirstQuarter, last_quarter = period.LastQuarter,
            period_start = period.Start.ToDateTime(TimeOnly.MinValue), period_end = period.End.ToDateTime(TimeOnly.MinValue) };

        var centers = connection.Query<(string Code, string Name, string? Head, string County)>(SqlFiles.Read("reports/annual/centers.sql")).ToList();
        if (centers.Count == 0) throw new ReportException("数据库中没有中心数据，无法考核。请先导入“中心”表。");
        var dataQuarters = connection.Query<(int Quarter, long Records, DateOnly LastDay)>(SqlFiles.Read("reports/annual/data_quarters.sql"), p)
            .Where(q => q.Quarter >= period.FirstQuarter && q.Quarter <= period.LastQuarter).ToList();
        if (dataQuarters.Count == 0)
            throw new ReportException($"{period.Label}没有任何数据（办件、投诉、回访、视频抽查、检查、考核记录均无），无法考核。" +
                                      "请核对年度或季度，或先导入该期间的数据。");
        var quarters = dataQuarters.Select(q => q.Quarter).ToList();
        var lastDay = dataQuarters.Max(q => q.LastDay);

        var centerNames = centers.ToDictionary(c => c.Code, c => c.Name);
        var evidence = connection.Query<EvidenceRow>(SqlFiles.Read(staff ? "reports/annual/staff_evidence.sql" : "reports/annual/evidence.sql"), p)
            .Select(r => r.ToEvidence()).ToList();
        var volumes = connection.Query<Volume>(SqlFiles.Read(staff ? "reports/annual/staff_volumes.sql" : "reports/annual/volumes.sql"), p).ToList();
        var subjects = staff
            ? StaffSubjects(connection, p, evidence, centerNames)
            : centers.Select(c => new AssessedSubject(c.Code, c.Name, c.Code, c.Name, c.Head)).ToList();
        if (subjects.Count == 0) throw new ReportException($"{period.Label}没有在岗的窗口工作人员，无法考核。请先导入“人员”表。");

        var result = Scorer.Score(rules, subjects, evidence, volumes, period.Year, quarters, new SampleDraw(drawKey ?? DrawKey(connection)));
        Results.Save(connection, rules, period, result, generatedAt);
        var (publishedOn, deadline) = Appeals.PublicationOf(connection, rules, period) is { } pub && pub.PublishedOn <= reportDay
            ? pub : (reportDay, Appeals.Publish(connection, rules, period, reportDay));

        var countyName = settings.CountyName(centers[0].County);
        var report = new AnnualAssessmentReport(
            Title: $"{countyName}{period.Label}{(staff ? "窗口工作人员考核" : "乡镇便民服务工作考核（乡镇长）")}",
            CountyName: countyName,
            Period: period.Label,
            GeneratedAt: ReportText.Minute(generatedAt),
            Issuer: settings.Issuer,
            SchemeName: rules.Name,
            RulesDescription: rules.Description,
            IsStaff: staff,
            SubjectLabel: staff ? "工作人员" : "中心",
            Coverage: Coverage(period, quarters, lastDay, reportDay),
            PartialNotice: Partial(period, quarters, lastDay, reportDay),
            Rules: rules.Rules.Select(r => new RuleText(KindText(r.Kind), r.Source, r.Label, RuleText(r),
                rules.Parts?.FirstOrDefault(x => x.Id == r.Part)?.Label ?? "")).ToList(),
            Parts: (rules.Parts ?? []).Select(x => new PartText(x.Label, N(x.Points))).ToList(),
            Bands: rules.Bands.Select(b => new BandText(b.Name, BandText(b))).ToList(),
            Method: Method(rules),
            NotEvidenced: rules.NotEvidenced ?? [],
            QuarterHeaders: quarters.Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList(),
            Ranking: Ranking(connection, rules, period, quarters, result),
            Honours: rules.Honour is { } h
                ? quarters.Select(q => new HonourText(AssessmentPeriod.QuarterNames[q - 1], h.Name,
                    result.Honours[q].Select(s => staff ? $"{s.Subject.Name}（{s.Subject.CenterName}）" : s.Subject.Name).ToList())).ToList()
                : [],
            AppealNotice: new AppealNotice(Day(publishedOn), Day(deadline), rules.AppealTermsOrDefault.WorkingDays.ToString(CultureInfo.InvariantCulture),
                rules.AppealTermsOrDefault.Address, rules.AppealTermsOrDefault.Bring),
            Appeals: AppealsOf(connection, p, centerNames),
            Appendix: result.Subjects.OrderBy(s => s.Subject.CenterCode, StringComparer.Ordinal).ThenBy(s => s.Subject.Key, StringComparer.Ordinal)
                .Select(s => Appendix(rules, s, staff)).ToList(),
            Form: Form(settings, countyName, publishedOn));
        return (report, result);
    }

    /// <summary>The 公文 parts from settings.json's monthly section (the same offices issue both); dated the day the
    /// 公示 starts. No 文号: the assessment is not numbered.</summary>
    private static Monthly.BriefingForm Form(ReportSettings settings, string countyName, DateOnly publishedOn)
    {
        var m = settings.Monthly;
        string Fill(string text) => text.Replace("{county}", countyName);
        var bodies = m.IssuingBodies.Select(Fill).ToList();
        var date = ReportText.ChineseDate(publishedOn);
        return new Monthly.BriefingForm(bodies, "", Fill(m.MainTo), date, Fill(m.CopyTo),
            string.IsNullOrWhiteSpace(m.PrintedBy) ? bodies[^1] : Fill(m.PrintedBy), date);
    }

    /// <summary>The deployment key beside the database: the sample draw is reproducible by whoever holds it.</summary>
    public static byte[] DrawKey(DuckDBConnection connection)
    {
        var source = connection.ConnectionString.Split(';')[0];
        var path = source[(source.IndexOf('=') + 1)..].Trim();
        var keyPath = KeyFile.PathFor(path);
        if (!File.Exists(keyPath)) throw new ReportException($"找不到数据库密钥文件 {keyPath}：抽样考核需要用它按固定规则抽取记录。");
        return KeyFile.Load(path);
    }

    private static List<AssessedSubject> StaffSubjects(DuckDBConnection connection, object p, List<Evidence> evidence,
        Dictionary<string, string> centerNames)
    {
        // Where the records place a member: the center and window most of their records name (the staff feed's otherwise).
        var placed = evidence.Where(e => e.CenterCode is not null).GroupBy(e => e.Subject)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => (e.CenterCode!, e.WindowCode)).OrderByDescending(x => x.Count()).First().Key);
        return connection.Query<(string Id, string Name, string Center, string CenterName, string? Window, string County)>(
                SqlFiles.Read("reports/annual/staff.sql"), p)
            .Select(s =>
            {
                var (center, window) = placed.TryGetValue(s.Id, out var at) ? at : (s.Center, s.Window);
                return new AssessedSubject(s.Id, s.Name, center, centerNames.GetValueOrDefault(center, s.CenterName), null, window);
            }).ToList();
    }

    private static List<RankedRow> Ranking(DuckDBConnection connection, ScoringRules rules, AssessmentPeriod period, List<int> quarters,
        AssessmentResult result)
    {
        var table = rules.Subject == "staff" ? "api.staff_assessment_scores" : "api.assessment_scores";
        var key = rules.Subject == "staff" ? "staff_id" : "center_code";
        var stored = connection.Query<(int? Quarter, string Key, double Score, string Band, int Rank)>(
            $"SELECT quarter, {key}, score, band, rank FROM {table} WHERE scheme = $scheme AND year = $year AND (quarter BETWEEN $first AND $last OR quarter IS NULL)",
            new { scheme = rules.Name, year = period.Year, first = period.FirstQuarter, last = period.LastQuarter }).ToList();
        var byKey = stored.ToLookup(r => r.Key);
        var subjects = result.Subjects.ToDictionary(s => s.Subject.Key);
        var headline = stored.Where(r => period.IsYear ? r.Quarter is null : r.Quarter == period.FirstQuarter).OrderBy(r => r.Rank);
        return headline.Select(r =>
        {
            var s = subjects[r.Key];
            var qs = quarters.Select(q => byKey[r.Key].FirstOrDefault(x => x.Quarter == q) is { Key: not null } x ? N(x.Score) : "—").ToList();
            var dq = s.Quarters.Where(q => q.Disqualified).Select(q => AssessmentPeriod.QuarterNames[q.Quarter - 1]).ToList();
            return new RankedRow(r.Rank, r.Key, s.Subject.Name, s.Subject.CenterName,
                rules.Subject == "staff" ? s.Subject.WindowCode ?? "" : s.Subject.Head ?? "", qs, N(r.Score), r.Band,
                dq.Count == 0 ? "" : $"{string.Join("、", dq)}取消评优评先资格", N(s.Deductions), N(s.Additions));
        }).ToList();
    }

    private static SubjectAppendix Appendix(ScoringRules rules, SubjectScore s, bool staff) =>
        new(s.Subject.Key, s.Subject.Name, s.Subject.CenterName,
            staff ? $"工号 {s.Subject.Key}，窗口 {s.Subject.WindowCode}" : $"乡镇长：{s.Subject.Head}",
            N(s.Score),
            s.Quarters.Select(q => new QuarterAppendix(AssessmentPeriod.QuarterNames[q.Quarter - 1], N(rules.BasePoints), Signed(q.Lines.Sum(l => l.Points)),
                N(q.Score) + (q.Floored ? $"（扣分超过基础分，按最低 {N(rules.MinQuarterScore!.Value)} 分计）" : ""), q.Band,
                q.Disqualified ? "本季度取消评优评先资格" : "",
                q.Lines.Select(l => new LineText(Day(l.Date), l.Source, l.RecordId, l.RuleLabel, N(l.Quantity), Signed(l.Points), l.Note,
                    l.Appeal is { } a ? $"第 {a.AppealId} 号复核：{Outcome(a)}" : "")).ToList())).ToList());

    private static string Outcome(Appeal a) => a.Action switch { "withdraw" => "撤销", "keep" => "维持原结论", _ => "更正数量" };

    private static List<AppealText> AppealsOf(DuckDBConnection connection, object p, Dictionary<string, string> names) =>
        connection.Query<AppealRow>(SqlFiles.Read("reports/annual/appeals.sql"), p).Select(a => new AppealText(
            a.AppealId, names.GetValueOrDefault(a.CenterCode, a.CenterCode), a.Source, a.RecordId,
            a.Action == "withdraw" ? "撤销该条证据"
            : a.NewQuantity is { } nq && Math.Abs(nq - a.OriginalQuantity) < 1e-9 ? "维持原结论"
            : $"数量由 {N(a.OriginalQuantity)} 改为 {N(a.NewQuantity ?? 0)}",
            a.Reason, a.Approver, Day(a.DecidedOn),
            (a.FiledOn is { } f ? $"{Day(f)} 提出" : "") + (a.LateApprovedBy is { } late ? $"（逾期，经 {late} 批准受理）" : ""))).ToList();

    private static string Coverage(AssessmentPeriod period, List<int> quarters, DateOnly lastDay, DateOnly reportDay)
    {
        var names = string.Join("、", quarters.Select(q => AssessmentPeriod.QuarterNames[q - 1]));
        var text = period.IsYear
            ? quarters.Count == 4 ? $"{period.Year} 年全年四个季度（{names}）" : $"{period.Year} 年有数据的 {quarters.Count} 个季度：{names}"
            : $"{period.Year} 年{names}";
        return lastDay < period.End ? $"{text}，数据截至 {Day(lastDay)}" : text;
    }

    /// <summary>A period not yet over (or whose data stop before its end) is marked on the first page.</summary>
    private static string? Partial(AssessmentPeriod period, List<int> quarters, DateOnly lastDay, DateOnly reportDay)
    {
        if (period.End <= lastDay && (!period.IsYear || quarters.Count == 4)) return null;
        var what = period.IsYear ? "本年度" : "本季度";
        var missing = period.IsYear ? Enumerable.Range(1, 4).Except(quarters).Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList() : [];
        var notOver = reportDay <= period.End ? $"{what}尚未结束（截至 {Day(period.End)}）" : $"{what}数据不完整";
        return $"阶段性结果：{notOver}，数据只到 {Day(lastDay)}，{Day(lastDay.AddDays(1))} 至 {Day(period.End)} 没有数据" +
               (missing.Count > 0 ? $"（{string.Join("、", missing)}无数据，未计入）" : "") +
               (period.IsYear ? "；年度得分为已有季度得分的平均" : "") + "。正式结果以期满后重新生成的为准。";
    }

    private static List<string> Method(ScoringRules rules)
    {
        var m = new List<string> { $"每{(rules.Subject == "staff" ? "人" : "个中心")}每季度从基础分 {N(rules.BasePoints)} 分起算，按下列规则逐条扣分、加分；年度得分为所含各季度得分的平均。" };
        if (rules.Parts is { Count: > 0 } parts)
            m.Add($"分为 {parts.Count} 个部分（{string.Join("、", parts.Select(x => $"{x.Label} {N(x.Points)} 分"))}），每部分扣完为止，不跨部分扣分。");
        if (rules.MinQuarterScore is { } min) m.Add($"季度扣分超过基础分的，按 {N(min)} 分计（扣完为止）。");
        if (rules.MaxAdditionsPerQuarter is { } add)
            m.Add($"加分每季度最多 +{N(add)} 分，因此季度得分可高于基础分，最高 {N(rules.BasePoints + add)} 分。");
        else if (rules.Rules.Any(r => r.PointsPerUnit > 0))
            m.Add("设有加分项，季度得分可高于基础分（加分上限见各项）。");
        if (rules.Rules.Any(r => r.Kind == "rate"))
            m.Add("比率项按占比计分（每百分点或每千件），与全县同期水平（或设定目标）比较，对高出部分扣分" +
                  (rules.Rules.Any(r => r.Kind == "rate" && r.BothWays) ? "、低于部分加分（注明“双向”的项目）" : "") + "，因此得分不随办件量多少而增减；" +
                  "样本少的单位先按“信度权重”向全县水平收缩，避免一两件偶然情况造成大幅扣分。全县参照值按复核前的原始记录计算，复核只改变被复核的单位。");
        if (rules.Rules.Any(r => r.Kind == "sample"))
            m.Add("抽样项每季度每个考核对象按固定规则抽取记录（以本系统部署密钥计算，可复现，乡镇无法预知），抽中的记录全部列入附录。");
        if (rules.Rules.Any(r => r.Kind == "disqualify"))
            m.Add("否决项不扣分，但取消该季度（及年度）评优评先资格：不得评为" +
                  string.Join("、", rules.Bands.Where(b => b.RequiresQualified).Select(b => b.Name)) + (rules.Honour is { } h ? $"，不得列入{h.Name}" : "") + "。");
        if (rules.Honour is { } honour) m.Add($"每季度得分前 {honour.TopN} 名（有否决项的除外）为当季{honour.Name}。");
        return m;
    }

    private static string KindText(string kind) => kind switch
    {
        "rate" => "比率", "sample" => "抽样", "disqualify" => "否决", _ => "逐条",
    };

    private static readonly Dictionary<string, string> ClassNames = new()
    {
        ["bad"] = "差评", ["satisfied"] = "满意", ["violation"] = "违规", ["empty_post"] = "空岗无人", ["upheld"] = "属实",
    };

    private static string RuleText(ScoringRule r)
    {
        if (r.Classes is { Count: > 0 } classes)
            r = r with { Attributes = [.. r.Attributes ?? [], .. classes.Select(c => ClassNames.GetValueOrDefault(c, c))] };
        if (r.Kind == "disqualify") return (r.Attributes is { Count: > 0 } a ? $"（{string.Join("、", a)}）" : "") + "取消当季评优评先资格";
        var unit = r.Kind == "rate" ? (r.Per == "per_1000" ? $"每千件（÷{r.Denominator}）" : $"每百分点（÷{r.Denominator}）") : "每" + (r.Unit ?? "条");
        var text = $"{unit} {Signed(r.PointsPerUnit)} 分";
        if (r.Kind == "rate")
            text = $"{(r.BothWays ? "双向：" : "")}高于{(r.Target is { } t ? $"目标 {N(t)}{(r.Per == "per_1000" ? "‰" : "%")}" : "全县同期水平")}的部分，" + text +
                   (r.BothWays ? "，低于的部分每单位加同样分值" : "") +
                   (r.PriorWeight is { } k && k > 0 ? $"（信度权重 {N(k)} 件）" : "");
        if (r.Kind == "sample") text = $"每季度抽取 {r.SampleSize} 条，抽中{(r.Attributes is { Count: > 0 } sa ? $"（{string.Join("、", sa)}）" : "")}" + text;
        else if (r.Attributes is { Count: > 0 } attrs && r.Kind != "rate") text = $"（{string.Join("、", attrs)}）" + text;
        else if (r.Attributes is { Count: > 0 } ra) text = $"（{string.Join("、", ra)}）" + text;
        if (r.CapPerRecord is { } c) text += $"，单条最多 {Signed(c)} 分";
        if (r.CapPerQuarter is { } q) text += $"，每季度最多 {Signed(q)} 分";
        return text;
    }

    private static string BandText(Band b)
    {
        var text = (b.MinScore, b.TopN) switch
        {
            (null, null) => "其余",
            (null, { } n) => $"排名前 {n}",
            ({ } m, null) => $"{N(m)} 分及以上",
            ({ } m, { } n) => $"{N(m)} 分及以上且排名前 {n}",
        };
        return b.RequiresQualified ? text + "，且无否决项" : text;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double v) => v > 0 ? "+" + N(v) : v < 0 ? "−" + N(-v) : "0";

#pragma warning disable CS8618 // set by Dapper
    private sealed class EvidenceRow
    {
        public string Source { get; set; }
        public string RecordId { get; set; }
        public string Subject { get; set; }
        public string? CenterCode { get; set; }
        public string? WindowCode { get; set; }
        public DateOnly OccurredOn { get; set; }
        public int Quarter { get; set; }
        public string? Attribute { get; set; }
        public string? Classes { get; set; }
        public double OriginalQuantity { get; set; }
        public double Quantity { get; set; }
        public long? AppealId { get; set; }
        public string? AppealAction { get; set; }
        public string? AppealReason { get; set; }
        public string? AppealApprover { get; set; }
        public DateOnly? AppealDecidedOn { get; set; }

        public Evidence ToEvidence() => new(Source, RecordId, Subject, OccurredOn, Quarter, Attribute, OriginalQuantity, Quantity,
            AppealId is { } id
                ? new Appeal(id, AppealAction == "change" && Math.Abs(Quantity - OriginalQuantity) < 1e-9 ? "keep" : AppealAction!,
                    AppealReason!, AppealApprover!, AppealDecidedOn!.Value)
                : null,
            CenterCode, WindowCode, Classes);
    }

    private sealed class AppealRow
    {
        public long AppealId { get; set; }
        public string Source { get; set; }
        public string RecordId { get; set; }
        public string Action { get; set; }
        public double? NewQuantity { get; set; }
        public string Reason { get; set; }
        public string Approver { get; set; }
        public DateOnly DecidedOn { get; set; }
        public DateOnly? FiledOn { get; set; }
        public string? LateApprovedBy { get; set; }
        public string CenterCode { get; set; }
        public double OriginalQuantity { get; set; }
    }
#pragma warning restore CS8618
}
