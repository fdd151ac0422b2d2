using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Reports.Annual;

/// <summary>Scores a period with a scheme (sql/reports/annual) and lays out the report as a draft (征求意见稿). Pure: it
/// stores nothing and opens no review period; <see cref="Issuing.AssessmentIssue"/> stores the results
/// (assessment_score / staff_assessment_score, which BI tools read) and records the publication.</summary>
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

        var gate = Gate(connection, p, rules, subjects, staff);
        var result = Scorer.Score(rules, subjects, evidence, volumes, period.Year, quarters, new SampleDraw(drawKey ?? DrawKey(connection)), gate.Findings);

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
            IsDraft: true,
            SubjectLabel: staff ? "工作人员" : "中心",
            Coverage: Coverage(period, quarters, lastDay, reportDay),
            PartialNotice: Partial(period, quarters, lastDay, reportDay),
            VetoBanners: result.Vetoes!.Where(v => v.Most).Select(v => new VetoBanner(period.Year.ToString(CultureInfo.InvariantCulture),
                AssessmentPeriod.QuarterNames[v.Quarter - 1], v.Subjects.ToString(CultureInfo.InvariantCulture), v.Vetoed.ToString(CultureInfo.InvariantCulture),
                v.RuleLabel, ByTheLetter: rules.Rules.First(r => r.Id == v.RuleId).MaxRate is null)).ToList(),
            Stability: double.IsNaN(result.Stability) ? null
                : new RankingStability(result.Stability.ToString("0.00", CultureInfo.InvariantCulture), Unstable: result.Stability < 0.7),
            Rules: rules.Rules.Select(r => new RuleText(r.Kind.Name, r.Source, r.Label, r.Kind.Formula(r),
                rules.Parts?.FirstOrDefault(x => x.Id == r.Part)?.Label ?? "")).ToList(),
            Parts: (rules.Parts ?? []).Select(x => new PartText(x.Label, N(x.Points))).ToList(),
            Bands: rules.Bands.Select(b => new BandText(b.Name, BandText(b))).ToList(),
            Method: Method(rules, gate.Text),
            BandNote: BandNote(rules, period, result),
            NotEvidenced: rules.NotEvidenced ?? [],
            QuarterHeaders: quarters.Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList(),
            Ranking: Ranking(rules, period, quarters, result),
            Honours: rules.Honour is { } h
                ? quarters.Select(q => new HonourText(AssessmentPeriod.QuarterNames[q - 1], h.Name,
                    result.Honours[q].Select(s => $"{(staff ? $"{s.Subject.Name}（{s.Subject.CenterName}）" : s.Subject.Name)} {N(s.Quarter(q)!.Score)} 分" +
                        $"（{Interval(s.Quarter(q)!.Standing)}，第 {s.Quarter(q)!.Standing.Tier} 档）").ToList(),
                    HonourWhy(rules, result, q))).ToList()
                : [],
            AppealNotice: Notice(rules, null),
            Appeals: AppealsOf(connection, p, centerNames),
            Appendix: result.Subjects.OrderBy(s => s.Subject.CenterCode, StringComparer.Ordinal).ThenBy(s => s.Subject.Key, StringComparer.Ordinal)
                .Select(s => Appendix(rules, s, staff)).ToList(),
            Form: Form(settings, countyName, null))
        {
            Accountability = AssessmentAccountability.For(connection, period.Start, period.End),
        };
        return (AssessmentTables.LaidOut(report, settings.Figures), result);
    }

    /// <summary>The 公文 parts from settings.json's monthly section (the same offices issue both); an issued assessment is
    /// dated the day its 公示 starts, a draft (no <paramref name="publishedOn"/>) has no date. No 文号: the assessment is not numbered.</summary>
    public static Monthly.BriefingForm Form(ReportSettings settings, string countyName, DateOnly? publishedOn)
    {
        var m = settings.Monthly;
        string Fill(string text) => text.Replace("{county}", countyName);
        var bodies = m.IssuingBodies.Select(Fill).ToList();
        var date = publishedOn is { } d ? ReportText.ChineseDate(d) : "";
        return new Monthly.BriefingForm(bodies, "", Fill(m.MainTo), date, Fill(m.CopyTo),
            string.IsNullOrWhiteSpace(m.PrintedBy) ? bodies[^1] : Fill(m.PrintedBy), date, IsDraft: publishedOn is null);
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
        return connection.Query<(string Id, string Name, string Center, string CenterName, string? Window, string County, string? Post)>(
                SqlFiles.Read("reports/annual/staff.sql"), p)
            .Select(s =>
            {
                var (center, window) = placed.TryGetValue(s.Id, out var at) ? at : (s.Center, s.Window);
                return new AssessedSubject(s.Id, s.Name, center, centerNames.GetValueOrDefault(center, s.CenterName), null, window,
                    string.IsNullOrWhiteSpace(s.Post) ? "未填岗位" : s.Post.Trim());
            }).ToList();
    }

    /// <summary>The credibility gate: per subject and quarter, why it may not be honoured (empty hall, back-filled records,
    /// too few cases for its residents or windows), from sql/reports/annual/credibility.sql; and the gate's text for 一、考核方法.</summary>
    private static (Dictionary<(string, int), IReadOnlyList<string>> Findings, List<string> Text) Gate(DuckDBConnection connection, object p,
        ScoringRules rules, List<AssessedSubject> subjects, bool staff)
    {
        var g = rules.Gate;
        var rows = connection.Query<CredibilityRow>(SqlFiles.Read("reports/annual/credibility.sql"), p).ToList();
        var byCenter = new Dictionary<(string, int), List<string>>();
        foreach (var r in rows)
        {
            var found = new List<string>();
            if (g.EmptyHall && r.IsEmptyHall)
                found.Add($"空壳大厅嫌疑：视频抽查 {r.VideoChecks} 次中 {r.EmptyChecks} 次无人在岗");
            if (g.Fabricated && r.Cases > 0 && r.Backfilled > r.FabricatedBackfillShare * r.Cases)
                found.Add($"补录造假嫌疑：{r.Cases} 件办件中 {r.Backfilled} 件超过 {r.BackfillHours} 小时才录入");
            if (!staff && g.MinCasesPerThousandResidents is { } perRes && r.Population is > 0 && r.Cases < perRes * r.Population.Value / 1000)
                found.Add($"办件量过少：每千名户籍人口 {r.Cases * 1000.0 / r.Population.Value:0.#} 件，低于 {N(perRes)} 件");
            if (!staff && g.MinCasesPerWindow is { } perWin && r.Windows > 0 && r.Cases < perWin * r.Windows)
                found.Add($"办件量过少：每个窗口 {r.Cases / (double)r.Windows:0.#} 件，低于 {N(perWin)} 件");
            if (found.Count > 0) byCenter[(r.CenterCode, r.Quarter)] = found;
        }
        var findings = new Dictionary<(string, int), IReadOnlyList<string>>();
        foreach (var s in subjects)
            foreach (var ((center, q), found) in byCenter)
                if (center == s.CenterCode) findings[(s.Key, q)] = staff ? found.Select(f => "所在中心" + f).ToList() : found;

        var setting = rows.FirstOrDefault();
        var text = new List<string>();
        if (g.EmptyHall && setting is not null)
            text.Add($"空壳大厅：当季视频抽查至少 {setting.EmptyHallMinChecks} 次、且超过 {setting.EmptyHallCheckShare:0%} 发现大厅或窗口无人的中心" + (staff ? "（及其工作人员）" : ""));
        if (g.Fabricated && setting is not null)
            text.Add($"补录造假：当季超过 {setting.FabricatedBackfillShare:0%} 的办件在受理 {setting.BackfillHours} 小时后才录入的中心" + (staff ? "（及其工作人员）" : ""));
        if (!staff && g.MinCasesPerThousandResidents is { } a) text.Add($"办件量过少：当季办件少于每千名户籍人口 {N(a)} 件");
        if (!staff && g.MinCasesPerWindow is { } b) text.Add($"办件量过少：当季办件少于每个窗口 {N(b)} 件");
        if (g.MinCases is { } c) text.Add($"样本不足：当季经办办件少于 {c} 件的，只按适用的项目考核，标注“样本不足，不参加评优”");
        if (g.MinScore is { } d) text.Add($"得分低于 {N(d)} 分");
        return (findings, text);
    }

    /// <summary>The review period's notice: a draft's says only how long it will be; an issued one its dates.</summary>
    public static AppealNotice Notice(ScoringRules rules, (DateOnly PublishedOn, DateOnly Deadline)? publication) =>
        new(publication is { } p ? Day(p.PublishedOn) : "", publication is { } d ? Day(d.Deadline) : "",
            rules.AppealTermsOrDefault.WorkingDays.ToString(CultureInfo.InvariantCulture), rules.AppealTermsOrDefault.Address,
            rules.AppealTermsOrDefault.Bring);

    /// <summary>The headline ranking (the year's, or the quarter's) from the scores as they are stored (rounded to 0.01), in
    /// rank order within each group; subjects that share a rank are marked 并列.</summary>
    private static List<RankedRow> Ranking(ScoringRules rules, AssessmentPeriod period, List<int> quarters, AssessmentResult result)
    {
        var headline = result.Subjects.Select(s => (s, h: period.IsYear
                ? (Score: s.Score, Rank: s.Rank, Band: s.Band)
                : s.Quarter(period.FirstQuarter) is { } q ? (q.Score, q.Rank, q.Band) : (Score: double.NaN, Rank: 0, Band: "")))
            .Where(x => !double.IsNaN(x.h.Score)).ToList();
        return headline.OrderBy(x => x.s.Subject.Group ?? "", StringComparer.Ordinal).ThenBy(x => x.h.Rank)
            .ThenBy(x => x.s.Subject.Key, StringComparer.Ordinal).Select(x =>
        {
            var s = x.s;
            var standing = period.IsYear ? s.Standing : s.Quarter(period.FirstQuarter)!.Standing;
            var qs = quarters.Select(q => s.Quarter(q) is { } r ? N(Math.Round(r.Score, 2)) : "—").ToList();
            var dq = s.Quarters.Where(q => q.Disqualified).Select(q => AssessmentPeriod.QuarterNames[q.Quarter - 1]).ToList();
            var tied = headline.Count(o => o.h.Rank == x.h.Rank && o.s.Subject.Group == s.Subject.Group) > 1;
            return new RankedRow(x.h.Rank, s.Subject.Key, s.Subject.Name, s.Subject.CenterName,
                rules.Subject == "staff" ? s.Subject.WindowCode ?? "" : s.Subject.Head ?? "", qs, N(Math.Round(x.h.Score, 2)), x.h.Band,
                dq.Count == 0 ? "" : $"{string.Join("、", dq)}取消评优评先资格", N(s.Deductions), N(s.Additions),
                (tied ? "并列" : "") + x.h.Rank.ToString(CultureInfo.InvariantCulture),
                double.IsNaN(standing.Low) ? "—" : $"{N(standing.Low)}–{N(standing.High)}", standing.Tier.ToString(CultureInfo.InvariantCulture),
                s.Subject.Group ?? "",
                string.Join("；", standing.Ineligible.Where(i => !i.EndsWith("有否决项", StringComparison.Ordinal)).Distinct()));
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

    /// <summary>Why nobody holds the top band (e.g. 优秀), when nobody does: the cut-off fell inside a 档次 or nobody qualified.</summary>
    private static string BandNote(ScoringRules rules, AssessmentPeriod period, AssessmentResult result)
    {
        if (rules.Bands.FirstOrDefault(b => b.TopN is not null) is not { } top) return "";
        var standings = result.Subjects.Select(s => (s.Subject.Group, Band: period.IsYear ? s.Band : s.Quarter(period.FirstQuarter)!.Band,
            Standing: period.IsYear ? s.Standing : s.Quarter(period.FirstQuarter)!.Standing)).ToList();
        var notes = new List<string>();
        foreach (var g in standings.GroupBy(x => x.Group))
        {
            if (g.Any(x => x.Band == top.Name)) continue;
            var eligible = g.Count(x => x.Standing.Eligible);
            var first = g.Count(x => x.Standing.Tier == 1);
            var who = g.Key is { } post ? post : "本期";
            notes.Add(eligible == 0
                ? $"{who}没有“{top.Name}”：没有对象同时通过否决项和可信度门槛。"
                : $"{who}没有“{top.Name}”：第 1 档有 {first} 个对象（得分区间相互重叠），名额 {top.TopN} 个切在档内，无法与下一档拉开差距，按方案该档都不评。");
        }
        return string.Join("", notes);
    }

    private static string Interval(Standing s) => double.IsNaN(s.Low) ? "无区间" : $"区间 {N(s.Low)}–{N(s.High)}";

    /// <summary>Why the honour list of a quarter is what it is: the next 档次 it stands apart from, or why it is empty.</summary>
    private static string HonourWhy(ScoringRules rules, AssessmentResult result, int q)
    {
        var list = result.Honours[q];
        var ranking = rules.RankingOrDefault;
        var eligible = result.Subjects.Count(s => s.Quarter(q)!.Standing.Eligible);
        if (list.Count == 0)
            return eligible == 0
                ? "无：没有对象同时通过否决项和可信度门槛。"
                : $"无：通过否决项和可信度门槛的 {eligible} 个对象中，得分区间与下一档重叠，前 {rules.Honour!.TopN} 名无法与其余拉开差距" +
                  $"（{(ranking.TieAtCutoff == "all" ? "" : "按方案，名额切在同一档次或并列之中时，该档都不评")}）。";
        var lowest = list.Min(s => s.Quarter(q)!.Score);
        var next = result.Subjects.Where(s => !list.Contains(s) && s.Quarter(q)!.Standing.Eligible && s.Quarter(q)!.Score <= lowest)
            .OrderByDescending(s => s.Quarter(q)!.Score).FirstOrDefault();
        return $"入选的均通过否决项和可信度门槛" + (next is null ? "。" :
            $"；其后最高的 {next.Subject.Name} {N(next.Quarter(q)!.Score)} 分（{Interval(next.Quarter(q)!.Standing)}）在下一档。");
    }

    private static List<string> Method(ScoringRules rules, List<string> gate)
    {
        var m = new List<string> { $"每{(rules.Subject == "staff" ? "人" : "个中心")}每季度从基础分 {N(rules.BasePoints)} 分起算，按下列规则逐条扣分、加分；年度得分为所含各季度得分的平均。" };
        if (rules.Parts is { Count: > 0 } parts)
            m.Add($"分为 {parts.Count} 个部分（{string.Join("、", parts.Select(x => $"{x.Label} {N(x.Points)} 分"))}），每部分扣完为止，不跨部分扣分。");
        if (rules.MinQuarterScore is { } min) m.Add($"季度扣分超过基础分的，按 {N(min)} 分计（扣完为止）。");
        if (rules.MaxAdditionsPerQuarter is { } add)
            m.Add($"加分每季度最多 +{N(add)} 分，因此季度得分可高于基础分，最高 {N(rules.BasePoints + add)} 分。");
        else if (rules.Rules.Any(r => r.PointsPerUnit > 0))
            m.Add("设有加分项，季度得分可高于基础分（加分上限见各项）。");
        m.AddRange(RuleKind.All.Where(k => rules.Rules.Any(r => r.Kind == k)).Select(k => k.MethodNote(rules)).OfType<string>());
        if (rules.Honour is { } honour) m.Add($"每季度得分前 {honour.TopN} 名（有否决项或未通过可信度门槛的除外）为当季{honour.Name}。");
        m.AddRange(rules.Rules.Select(r => r.Kind.RuleNote(r)).OfType<string>());
        m.Add("可信度门槛（评先评优前先行排除，不影响得分）：" + string.Join("；", gate) + "。未通过的不得评为" +
              string.Join("、", rules.Bands.Where(b => b.RequiresQualified || b.TopN is not null).Select(b => b.Name).Distinct()) +
              (rules.Honour is { } hh ? $"，不得列入{hh.Name}" : "") + "。");
        var rk = rules.RankingOrDefault;
        m.Add("得分相同（保留两位小数）的名次并列。" + (rk.BootstrapDraws > 0
            ? $"每个得分后附 {rk.Level:0%} 区间：对本期记录重抽样 {rk.BootstrapDraws} 次（bootstrap，每条记录随机计 0、1、2…次）重新计分得到；区间相互重叠的归为同一“档次”。"
            : "") + (rk.RequireSeparation && rk.BootstrapDraws > 0
            ? "优秀等次和荣誉只评给与下一档拉开差距（区间不重叠）的对象；"
            : "") + $"名额切在同一档次或并列之中时，{(rk.TieAtCutoff == "all" ? "该档（并列者）全部评上" : "该档（并列者）都不评")}。");
        if (rk.CompareWithin == "post") m.Add("A 岗、B 岗等不同岗位分别排名、分别评定等次（名次、档次均为本岗位内的）。");
        return m;
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
    private sealed class CredibilityRow
    {
        public string CenterCode { get; set; }
        public int Quarter { get; set; }
        public long Cases { get; set; }
        public long Backfilled { get; set; }
        public int? Population { get; set; }
        public long Windows { get; set; }
        public long VideoChecks { get; set; }
        public long EmptyChecks { get; set; }
        public bool IsEmptyHall { get; set; }
        public double EmptyHallCheckShare { get; set; }
        public int EmptyHallMinChecks { get; set; }
        public double FabricatedBackfillShare { get; set; }
        public int BackfillHours { get; set; }
    }

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
