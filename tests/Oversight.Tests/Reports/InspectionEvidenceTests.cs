using System.Text.RegularExpressions;
using Dapper;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Inspection;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

/// <summary>The demo county's inspection briefing as an inspector uses it: an evidence annex by record id, timing
/// advice only on a large enough sample, an issuer not a system account, reasons that point the way of the flag, all
/// in Chinese, and a priority whose printed formula is built from the weights it is computed with.</summary>
public class InspectionEvidenceTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private static readonly Once Generated = new();

    private (ReportFiles Files, InspectionBriefingBuilder.Result Result, StoredPlan Plan) Generate(string folder, string? issuer = null,
        TemplateFolder? templates = null)
    {
        var (files, result, plan) = InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath),
            templates ?? new TemplateFolder(),
            new InspectionReport.Options(October, Path.Combine(demo.Warehouse.Root, folder), "县纪委监委第二监督检查室", 8, Pdf: false, Issuer: issuer, Issue: true));
        return (files, result, plan!);
    }

    /// <summary>The October plan as issued with the default settings and issuer, generated once for the tests that
    /// only read it (each generation scores the month and lays the plan out: the same result every time).</summary>
    private (ReportFiles Files, InspectionBriefingBuilder.Result Result, StoredPlan Plan) Default() =>
        Generated.Get("default", () => Generate("restricted-default"));

    private HashSet<string> PlantedEmptyCenters() =>
        demo.Truth.GetProperty("empty_centers").EnumerateArray().Select(e => e.GetProperty("center_code").GetString()!).ToHashSet();

    private static string AnnexOf(string html, string centerCode)
    {
        var start = html.IndexOf($"data-annex=\"{centerCode}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no annex for {centerCode}");
        var end = html.IndexOf("data-annex=", start + 20, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [Fact]
    public void The_annex_lists_an_empty_centers_back_filled_cases_by_id_with_acceptance_and_entry_times()
    {
        var (files, result, _) = Default();
        var html = File.ReadAllText(files.Html);
        var center = result.Briefing.Centers.First(c => PlantedEmptyCenters().Contains(c.Code));

        // An independent reading of the rule: recorded in the 3 days before an announced visit, 48 hours after acceptance.
        var expected = demo.Warehouse.Query<(string CaseId, DateTime Accepted, DateTime Recorded)>($"""
            SELECT DISTINCT c.case_id, c.accepted_at, c.recorded_at FROM fct_case AS c JOIN fct_visit AS v
              ON v.center_code = c.center_code AND v.visit_type = '明查'
             AND c.recorded_at < v.visited_at AND c.recorded_at >= v.visited_at - INTERVAL 3 DAY
            WHERE c.center_code = '{center.Code}' AND c.recorded_at > c.accepted_at + INTERVAL 48 HOUR
              AND c.accepted_at >= DATE '2026-08-01' AND c.accepted_at < DATE '2026-11-01'
            ORDER BY c.case_id
            """);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.CaseId), center.Evidence.Backfilled.Select(b => b.CaseId).Order(StringComparer.Ordinal));
        var annex = AnnexOf(html, center.Code);
        foreach (var (caseId, accepted, recorded) in expected)
            Assert.Matches($"<td[^>]*>{caseId}</td>.*<td[^>]*>{accepted:yyyy-MM-dd HH:mm}</td><td[^>]*>{recorded:yyyy-MM-dd HH:mm}</td>", annex);
        Assert.Contains(BriefingWording.Checks(center), c => c.Contains($"线索清单所列 {expected.Count} 件补录办件"));
    }

    [Fact]
    public void Reused_callback_numbers_appear_only_masked_each_with_the_case_ids_called_on_it()
    {
        var (files, result, _) = Default();
        var html = File.ReadAllText(files.Html);
        var center = result.Briefing.Centers.First(c => PlantedEmptyCenters().Contains(c.Code) && c.Evidence.ReusedPhones.Count > 0);
        var numbers = new List<string>();
        foreach (var phone in center.Evidence.ReusedPhones)
        {
            Assert.Matches(@"^1\d{2}\*{4}\d{4}$", phone.PhoneMasked);
            var ids = phone.CaseIds.Split('、');
            Assert.True(ids.Length >= 6, phone.CaseIds);
            Assert.Equal(ids.Length, phone.CaseCount);
            // Every listed case was called on one and the same number.
            Assert.All(ids, id => Assert.Matches("^[A-Z0-9]+$", id));
            var hashes = demo.Warehouse.Connection.Query<string>(
                $"SELECT DISTINCT hex(phone_hash) FROM fct_callback WHERE case_id IN ('{string.Join("','", ids)}') AND phone_masked = $masked",
                new { masked = phone.PhoneMasked }).ToList();
            numbers.Add(Assert.Single(hashes));
            Assert.Contains(ids[0], AnnexOf(html, center.Code));
        }
        // A number reused in several months is listed once, and nobody is asked to dial a masked number.
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.DoesNotContain("拨打", html);
        // No phone number in clear anywhere in the briefing (case ids are longer digit runs).
        Assert.DoesNotMatch(@"(?<!\d)1[3-9]\d{9}(?!\d)", Regex.Replace(html, "<[^>]+>", " "));
    }

    [Fact]
    public void Video_checks_and_overdue_cases_are_listed_by_id_and_agree_with_the_counts_the_reasons_give()
    {
        var (files, result, _) = Default();
        var html = File.ReadAllText(files.Html);
        var monthEnd = new DateTime(2026, 10, 31, 23, 59, 59);
        foreach (var center in result.Briefing.Centers)
        {
            var video = BriefingWording.Why(center).Select(w => Regex.Match(w, @"^近三个月视频抽查 \d+ 次中违规 (\d+) 次")).FirstOrDefault(m => m.Success);
            Assert.Equal(video is null ? 0 : int.Parse(video.Groups[1].Value), center.Evidence.VideoChecks.Count);
            var red = BriefingWording.Why(center).Select(w => Regex.Match(w, @"^月末在办 \d+ 件中已超期（红色预警）(\d+) 件")).FirstOrDefault(m => m.Success);
            Assert.Equal(red is null ? 0 : int.Parse(red.Groups[1].Value), center.Evidence.Overdue.Count);

            var annex = AnnexOf(html, center.Code);
            foreach (var v in center.Evidence.VideoChecks)
                Assert.Matches($"<td[^>]*>{v.CheckId}</td><td[^>]*>{v.CheckedAt}</td>", annex);
            foreach (var o in center.Evidence.Overdue)
            {
                Assert.Matches($"<td[^>]*>{o.CaseId}</td>", annex);
                // Open and past due at the month's last moment, by an independent reading of the warehouse.
                var row = demo.Warehouse.Connection.QuerySingle<(DateTime Due, DateTime? Completed)>(
                    "SELECT due_at, completed_at FROM core_case WHERE case_id = $id", new { id = o.CaseId });
                Assert.True(row.Due < monthEnd && (row.Completed is null || row.Completed > monthEnd), o.CaseId);
            }
        }
        Assert.Contains(result.Briefing.Centers, c => c.Evidence.Overdue.Count > 0);
        Assert.Contains(result.Briefing.Centers, c => c.Evidence.VideoChecks.Count > 0);
    }

    [Fact]
    public void Timing_advice_in_the_demo_briefing_rests_only_on_slots_with_at_least_eight_checks()
    {
        var (_, result, _) = Default();
        var advice = result.Briefing.Centers.SelectMany(c => c.WhenToGo).Where(w => w.StartsWith("视频抽查违规较集中", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(advice);
        foreach (var line in advice)
            Assert.All(Regex.Matches(line, @"抽查 (\d+) 次，违规"), m => Assert.True(int.Parse(m.Groups[1].Value) >= 8, line));
    }

    [Fact]
    public void The_generating_person_is_the_issuer_given_or_the_settings_issuer_and_never_the_system_account()
    {
        var account = $"{Environment.UserName}@{Environment.MachineName}";
        var (files, _, plan) = Generate("restricted-issuer", issuer: "县纪委监委第二监督检查室 李四");
        var html = File.ReadAllText(files.Html);
        Assert.Contains("生成人：县纪委监委第二监督检查室 李四", html);
        Assert.DoesNotContain(account, html);
        Assert.DoesNotContain(account, File.ReadAllText(files.Markdown));
        Assert.Equal("县纪委监委第二监督检查室 李四", plan.GeneratedBy);

        var (defaults, _, _) = Default();
        var settingsIssuer = ReportSettings.Load(new TemplateFolder()).Issuer;
        Assert.False(string.IsNullOrWhiteSpace(settingsIssuer));
        Assert.Contains($"生成人：{settingsIssuer}", File.ReadAllText(defaults.Html));

        // A county that cleared the issuer in its settings must name one: no silent fall-back to the account.
        using var copy = new TempDir();
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "report-templates"), copy.Path);
        File.WriteAllText(Path.Combine(copy.Path, "settings.json"), """{ "issuer": "", "county_names": { "511922": "南江县" } }""");
        var error = Assert.Throws<ReportException>(() => Generate("restricted-issuer-none", templates: new TemplateFolder(copy.Path)));
        Assert.Contains("--issuer", error.Message);
    }

    [Fact]
    public void Every_flagged_center_and_window_has_a_reason_and_no_center_is_flagged_empty_for_busy_figures()
    {
        Default();
        var flags = demo.Warehouse.Query<(string Kind, int Rank, string Reasons)>(
            "SELECT kind, rank, reasons FROM ml_flag WHERE month = DATE '2026-10-01' AND rank <= 10 AND listed");
        Assert.Contains(flags, f => f.Kind == "center");
        Assert.Contains(flags, f => f.Kind == "window");
        Assert.All(flags, f => Assert.NotEqual("[]", f.Reasons));
        foreach (var (_, _, json) in flags.Where(f => f.Kind == "center"))
        {
            var reasons = System.Text.Json.JsonSerializer.Deserialize<List<string>>(json)!;
            foreach (var r in reasons)
            {
                // Many complaints or many cases point away from an empty hall: such a figure may only be cited when it is low.
                foreach (Match m in Regex.Matches(r, @"(?:每千件办件投诉|每千名户籍人口办件) ([\d.]+) 件（全县中位数 ([\d.]+) 件）"))
                    Assert.True(double.Parse(m.Groups[1].Value) < double.Parse(m.Groups[2].Value), r);
            }
        }
    }

    [Fact]
    public void Every_text_of_the_briefing_is_chinese_apart_from_record_ids()
    {
        var (files, _, _) = Default();
        foreach (var text in new[] { File.ReadAllText(files.Html), File.ReadAllText(files.Markdown) })
        {
            var visible = Regex.Replace(Regex.Replace(text, "<(style|script)>.*?</(style|script)>", "", RegexOptions.Singleline), "<[^>]+>", " ");
            visible = Regex.Replace(visible, "&[a-z]+;", " ");
            visible = Regex.Replace(visible, @"(?<![A-Za-z0-9])[A-Z]{2}\d{6,}", " "); // case, check and complaint ids
            var words = Regex.Matches(visible, "[A-Za-z]+").Select(m => m.Value).Distinct().ToList();
            Assert.True(words.All(w => w is "A" or "B"), string.Join(", ", words)); // A/B 岗 is the Chinese term
            Assert.DoesNotContain("visits", text);
        }
    }

    [Fact]
    public void Changing_a_priority_weight_changes_both_the_computed_priority_and_the_printed_formula()
    {
        var c = demo.Warehouse.Connection;
        var original = c.Query<(string Key, string Value)>("SELECT key, value FROM seed_inspection_settings").ToList();
        try
        {
            c.Execute("UPDATE seed_inspection_settings SET value = CASE key WHEN 'weight_video_violations' THEN '0.7' ELSE '0' END WHERE key LIKE 'weight_%'");
            var (_, result, _) = Generate("restricted-weights");
            Assert.Equal("线索强度 = 0.70 × 近三个月视频抽查违规率高出全县的幅度（按样本量收缩）；每项先除以全县当月最高值（取值 0～1），线索强度取值 0～0.70。", result.Briefing.PriorityFormula);
            // The term is the shrunk violation rate's excess over the county's, not the count of violations.
            var rows = c.Query<(string Code, long Violations, long Checks, double? County, double Priority)>(
                SqlFiles("candidates"), new { month = October.ToDateTime(TimeOnly.MinValue) }).ToList();
            var prior = c.ExecuteScalar<double>("SELECT shrink_checks FROM feat_flag_setting");
            double Excess((string, long Violations, long Checks, double? County, double) r) =>
                Math.Max(0, (r.Violations + prior * (r.County ?? 0)) / (r.Checks + prior) - (r.County ?? 0));
            var max = rows.Max(Excess);
            Assert.True(max > 0);
            Assert.All(rows, r => Assert.Equal(0.7 * Excess(r) / max, r.Priority, 9));
        }
        finally
        {
            foreach (var (key, value) in original)
                c.Execute("UPDATE seed_inspection_settings SET value = $value WHERE key = $key", new { key, value });
        }
        var (_, restored, _) = Generate("restricted-weights-restored");
        Assert.StartsWith("线索强度 = 0.30 × 中心“形同虚设”预警分（仅列入预警名单的中心） + 0.30 × 列入预警名单的窗口的最高超期风险", restored.Briefing.PriorityFormula);
    }

    /// <summary>The priority alone from candidates.sql, with its inputs.</summary>
    private static string SqlFiles(string name) =>
        $"SELECT center_code, video_violations, video_checks, county_violation_rate, priority FROM ({Oversight.Warehouse.SqlFiles.Read($"reports/inspection/{name}.sql").TrimEnd().TrimEnd(';')})";

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
