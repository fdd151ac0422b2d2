using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Oversight.Ingest;
using Oversight.Warehouse;

namespace Oversight.Tests.Privacy;

/// <summary>
/// Personal numbers planted in every free-text column of every feed, in every form people type them, and in
/// rejected values, loaded through the real program; then everything a person could read is searched for them:
/// the database file, every table and api view, the monthly briefing and the assessment (HTML, Markdown, PDF text),
/// the reject list and every command's output.
/// </summary>
public sealed partial class PlantedPersonalDataTests
{
    // Every form, and next to them numbers that only look alike and must stay as written.
    private const string Planted =
        "群众反映：手机13987654321、138-1234-5678、137 1111 2222、+86 136 2222 3333、8615833334444、１５９４４４４５５５５，" +
        "座机0827-5201314、(0827)7654321，身份证511922198503174235、11010519491231002X，老证511922850317423，" +
        "卡号6222021234567890128、6228 4800 1234 5671；办件NJ2026031500012345，金额12345678.90元，2026-03-02办理，证号511922198503174231有误。" +
        "又：135\u00A00000\u00A01111、134—2222—3333、133–4444–5555、132.5555.6666、131/6666/7777、130\t7777\t8888、189  8888  9999，" +
        "座机0827—5550123，tel18612345678，身份证11010519491231002Ｘ、511922 19800100 0008，邮箱zhangsan.planted@example.com。";

    private const string Masked =
        "群众反映：手机139****4321、138****5678、137****2222、136****3333、158****4444、159****5555，" +
        "座机0827-***1314、(0827)***4321，身份证511922********4235、110105********002X，老证511922*****7423，" +
        "卡号622202*********0128、622848******5671；办件NJ2026031500012345，金额12345678.90元，2026-03-02办理，证号511922********4231有误。" +
        "又：135****1111、134****3333、133****5555、132****6666、131****7777、130****8888、189****9999，" +
        "座机0827-***0123，tel186****5678，身份证110105********002X、511922********0008，邮箱z***@example.com。";

    /// <summary>A file whose name holds a phone, with ids that are a phone and an ID number.</summary>
    private const string PhoneInFileName = "投诉_张三13912340000.csv";

    /// <summary>The clear numbers, digits only: none may appear anywhere, whatever separators are dropped.</summary>
    private static readonly string[] ClearDigits =
    [
        "13987654321", "13812345678", "13711112222", "13622223333", "15833334444", "15944445555", "5201314", "7654321",
        "511922198503174235", "11010519491231002X", "511922850317423", "6222021234567890128", "6228480012345671",
        "13955556666", "13700001111",
        "511922198503174231", "13500001111", "13422223333", "13344445555", "13255556666", "13166667777", "13077778888",
        "18988889999", "5550123", "18612345678", "511922198001000008", "zhangsan.planted", "13912340000", "13912340001",
        "51192219850317423X",
    ];

    /// <summary>The forms as typed, for the byte search of the database file.</summary>
    private static readonly string[] Typed =
    [
        "138-1234-5678", "137 1111 2222", "+86 136 2222 3333", "8615833334444", "１５９４４４４５５５５", "0827-5201314",
        "(0827)7654321", "6228 4800 1234 5671", "13955556666",
        "135\u00A00000\u00A01111", "134—2222—3333", "133–4444–5555", "132.5555.6666", "131/6666/7777", "130\t7777\t8888",
        "189  8888  9999", "0827—5550123", "tel18612345678", "11010519491231002Ｘ", "511922 19800100 0008", "投诉_张三13912340000",
    ];

    private static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    private static void WriteInbox(string inbox)
    {
        Directory.CreateDirectory(inbox);
        var p = $"\"{Planted}\"";
        var files = new Dictionary<string, string>
        {
            ["centers.csv"] = Csv("center_code,center_name,county_code,kind,population,head_name",
                $"511922001,\"集州街道{Planted}\",511922,街道,52000,\"张三{Planted}\"",
                "511922101,沙河镇,511922,镇,23000,李四"),
            ["windows.csv"] = Csv("window_code,center_code,window_name,category",
                $"W001,511922001,\"综合窗口{Planted}\",综合", "W101,511922101,综合窗口,综合"),
            ["staff.csv"] = Csv("staff_id,staff_name,center_code,window_code", $"S001,\"王芳{Planted}\",511922001,W001"),
            ["items.csv"] = Csv("item_code,item_name,item_kind,promised_days", $"I05,\"低保申请{Planted}\",行政给付,5"),
            ["calendar.csv"] = Csv("date,day_type,name", $"2026-03-09,休,\"县庆{Planted}\""),
            ["cases.csv"] = Csv("case_id,center_code,window_code,staff_id,item_code,case_type,accepted_at,completed_at,status,applicant_id,applicant_phone",
                "C1,511922001,W001,S001,I05,承诺件,2026-03-02 09:00,2026-03-20 10:00,已办结,511922198503174235,138-1234-5678",
                "C2,511922001,W001,S001,I05,承诺件,2026-03-03 09:00,,办理中,11010519491231002X,+86 139 8765 4321",
                "C3,511922001,W001,S001,I05,承诺件,13955556666,,办理中,,",
                "C4,511922001,W001,S001,I05,承诺件,2026-03-04 09:00,511922198503174235,已办结,,"),
            ["complaints.csv"] = Csv("complaint_id,received_at,source,center_code,window_code,staff_id,case_id,category,content,verdict,complainant_phone",
                $"K1,2026-03-05 10:00,12345热线,511922001,W001,S001,C1,服务态度,{p},属实,13987654321",
                $"K2,2026-03-06 10:00,现场,511922001,W001,,,推诿扯皮,{p},部分属实,１３９８７６５４３２１",
                $"K3,13955556666,现场,511922001,W001,,,推诿扯皮,{p},属实,",
                $"K4,2026-03-07 10:00,13700001111,511922001,W001,,,推诿扯皮,{p},属实,"),
            ["callbacks.csv"] = Csv("callback_id,case_id,method,called_at,reached,rating,comment,phone",
                $"B1,C1,电话回访,2026-03-21 10:00,是,不满意,{p},139-8765-4321",
                $"B2,C1,电话回访,11010519491231002X,是,满意,{p},"),
            ["video_checks.csv"] = Csv("check_id,checked_at,center_code,window_code,checker,finding,staff_on_duty,people_waiting,note",
                $"V1,2026-03-10 10:00,511922001,W001,\"赵六{Planted}\",空岗,0,3,{p}",
                $"V2,2026-03-11 10:00,511922001,W001,赵六,空岗,6222021234567890128,3,{p}"),
            ["visits.csv"] = Csv("visit_id,visited_at,center_code,window_code,visit_type,team,problems_found,severity,findings",
                $"X1,2026-03-12 10:00,511922001,W001,暗访,\"第一组{Planted}\",2,一般,{p}",
                $"X2,0827-5201314,511922001,W001,暗访,第一组,1,一般,{p}"),
            ["center_hours.csv"] = Csv("center_code,weekday,date_from,date_to,open_time,close_time",
                "511922001,,,,08:30,17:30",
                "511922001,1,,,13955556666,17:30"),
            ["assessment_events.csv"] = Csv("event_id,occurred_on,center_code,window_code,staff_id,kind,quantity,recorder,note",
                $"E1,2026-03-13,511922001,W001,S001,锦旗,1,\"钱七{Planted}\",{p}",
                $"E2,13955556666,511922001,W001,S001,锦旗,1,钱七,{p}"),
            ["rectification_updates.csv"] = Csv("item_no,responsible,measures,evidence,completed_on,status,sender",
                $"整改〔2026〕1号,\"孙八{Planted}\",{p},{p},2026-03-20,整改中,\"孙八{Planted}\"",
                $"整改〔2026〕2号,孙八,{p},{p},13955556666,申请销号,孙八"),
        };
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(inbox, name), text, new UTF8Encoding(false));
        Assert.Equal(Feed.All.Count, files.Count); // every feed
        File.WriteAllText(Path.Combine(inbox, PhoneInFileName), Csv(
            "complaint_id,received_at,source,center_code,window_code,staff_id,case_id,category,content,verdict",
            "K5,2026-03-08 10:00,现场,511922001,W001,,,推诿扯皮,态度差,属实",
            "13912340001,2026-03-08 11:00,现场,511922001,W001,,,推诿扯皮,态度差,属实",
            "51192219850317423X,2026-03-08 12:00,现场,511922001,W001,,,推诿扯皮,态度差,属实"), new UTF8Encoding(false));
    }

    /// <summary>Full-width digits as ASCII, and a separator between two digits dropped: "+86 136-2222" → "+861362222".</summary>
    private static string Normalise(string text)
    {
        var ascii = new string(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
        return Separator().Replace(ascii, "");
    }

    [GeneratedRegex(@"(?<=[0-9])[\s\-()（）－+\u3000\u2010-\u2015./]+(?=[0-9])")]
    private static partial Regex Separator();

    private static void AssertNoneIn(string where, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var normal = Normalise(text);
        foreach (var clear in ClearDigits)
            Assert.False(normal.Contains(clear, StringComparison.OrdinalIgnoreCase), $"{clear} found in {where}: {text[..Math.Min(text.Length, 400)]}");
    }

    private static CliProcess.Result Cli(List<string> log, params string[] args)
    {
        var result = CliProcess.Run(args);
        log.Add($"$ oversight {string.Join(' ', args)} → {result.ExitCode}\n{result.StdOut}\n{result.StdErr}");
        return result;
    }

    [Fact]
    public void Personal_numbers_planted_in_every_free_text_column_and_rejected_value_of_all_ten_feeds_reach_nothing_anyone_reads()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        var inbox = dir.File("inbox");
        var reports = dir.File("reports");
        WriteInbox(inbox);
        var log = new List<string>();

        Assert.Equal(0, Cli(log, "init", "--db", db).ExitCode);
        // The 整改反馈 file reports on a ledger item, which needs the centers: it comes in the second run.
        var feedback = Path.Combine(dir.Path, "rectification_updates.csv");
        File.Move(Path.Combine(inbox, "rectification_updates.csv"), feedback);
        var ingest = Cli(log, "ingest", "--settle-seconds", "0", "--db", db, "--inbox", inbox, "--reject-threshold", "0.9");
        Assert.True(ingest.ExitCode == 0, ingest.StdOut + ingest.StdErr);
        // Typed at the command line by a clerk (the command line itself is the clerk's, so not in the log): what it prints is.
        var item = CliProcess.Run(["rectify", "add", "--db", db, "--center", "511922001", "--problem", Planted, "--requirement", Planted,
            "--by", "督查股" + Planted, "--date", "2026-03-02"]);
        log.Add($"$ oversight rectify add … → {item.ExitCode}\n{item.StdOut}\n{item.StdErr}");
        Assert.True(item.ExitCode == 0, item.StdOut + item.StdErr);
        File.Move(feedback, Path.Combine(inbox, "rectification_updates.csv"));
        var second = Cli(log, "ingest", "--settle-seconds", "0", "--db", db, "--inbox", inbox, "--reject-threshold", "0.9");
        Assert.True(second.ExitCode == 0, second.StdOut + second.StdErr);
        var monthly = Cli(log, "report", "monthly", "--db", db, "--month", "2026-03", "--out", reports);
        Assert.True(monthly.ExitCode == 0, monthly.StdOut + monthly.StdErr);
        var annual = Cli(log, "report", "annual", "--db", db, "--year", "2026", "--out", reports);
        Assert.True(annual.ExitCode == 0, annual.StdOut + annual.StdErr);
        var rejects = Cli(log, "rejects", "--db", db);
        Assert.Equal(0, rejects.ExitCode);
        Assert.Equal(0, Cli(log, "status", "--db", db).ExitCode);
        foreach (var view in new[] { "complaints", "callbacks", "video_checks", "visits", "centers", "windows", "staff", "items", "cases", "assessment_events", "rectification_items", "rejects" })
            Assert.Equal(0, Cli(log, "query", "--db", db, $"SELECT * FROM api.{view}").ExitCode);

        // The texts read as written, with the masks in place.
        using (var c = Database.Open(db, readOnly: true))
        {
            Assert.Equal([Masked, Masked], c.Query<string>("SELECT content FROM api.complaints WHERE complaint_id IN ('K1', 'K2') ORDER BY complaint_id"));
            Assert.Equal(["K1", "K2", "K5"], c.Query<string>("SELECT complaint_id FROM api.complaints ORDER BY complaint_id"));
            Assert.Equal(Masked, c.QuerySingle<string>("SELECT comment FROM api.callbacks"));
            Assert.Equal(("赵六" + Masked, Masked), c.QuerySingle<(string, string)>("SELECT checker, note FROM api.video_checks"));
            Assert.Equal(("第一组" + Masked, Masked), c.QuerySingle<(string, string)>("SELECT team, findings FROM api.visits"));
            Assert.Equal(("集州街道" + Masked, "张三" + Masked),
                c.QuerySingle<(string, string)>("SELECT center_name, head_name FROM api.centers WHERE center_code = '511922001'"));
            Assert.Equal("综合窗口" + Masked, c.QuerySingle<string>("SELECT window_name FROM api.windows WHERE window_code = 'W001'"));
            Assert.Equal("王芳" + Masked, c.QuerySingle<string>("SELECT staff_name FROM api.staff"));
            Assert.Equal("低保申请" + Masked, c.QuerySingle<string>("SELECT item_name FROM api.items"));
            Assert.Equal("县庆" + Masked, c.QuerySingle<string>("SELECT name FROM ref_calendar_override"));
            Assert.Equal(("钱七" + Masked, Masked), c.QuerySingle<(string, string)>("SELECT recorder, note FROM api.assessment_events"));
            Assert.Equal(["138****5678", "139****4321"], c.Query<string>("SELECT applicant_phone_masked FROM api.cases ORDER BY case_id"));
            // Reject reasons quote a rejected personal value only masked.
            var reasons = c.Query<string>("SELECT reason FROM api.rejects").ToList();
            Assert.Equal(12, reasons.Count);
            Assert.Equal(2, reasons.Count(r => r.StartsWith("编号不得使用电话或身份证号")));
            // The file name with a phone: masked wherever it is shown or stored.
            Assert.Equal(["投诉_张三139****0000.csv"], c.Query<string>("SELECT DISTINCT file FROM api.rejects WHERE reason LIKE '编号不得%'"));
            Assert.Contains("投诉_张三139****0000.csv", c.Query<string>("SELECT file FROM api.loads"));
            Assert.Contains("上班时间“139****6666”无法识别（应写成 08:30）", reasons);
            Assert.Equal(("孙八" + Masked, Masked, Masked, Masked), c.QuerySingle<(string, string, string, string)>(
                "SELECT responsible, measures, evidence, description FROM api.rectification_items WHERE doc_number = '整改〔2026〕1号'"));
            Assert.Contains("整改台账中没有编号“整改〔2026〕2号”的事项", reasons);
            Assert.Contains("受理时间“139****6666”无法识别为日期时间", reasons);
            Assert.Contains("发生日期“139****6666”无法识别为日期", reasons);
            Assert.Contains("来源“137****1111”不在允许值内（12345热线/意见箱/现场/网上/信访/上级转办）", reasons);
            Assert.Contains(reasons, r => r.Contains("“511922********4235”"));
            Assert.Contains(reasons, r => r.Contains("“110105********002X”"));
            Assert.Contains(reasons, r => r.Contains("“0827-***1314”"));
            Assert.Contains(reasons, r => r.Contains("“622202*********0128”"));

            // Every text column of every table and every api view.
            var columns = c.Query<(string Schema, string Table, string Column)>("""
                SELECT schema_name, table_name, column_name FROM duckdb_columns()
                WHERE database_name = current_database() AND data_type = 'VARCHAR' AND (schema_name = 'api' OR schema_name = 'main')
                """).ToList();
            Assert.Contains(columns, x => x is { Schema: "api", Table: "complaints", Column: "content" });
            foreach (var (schema, table, column) in columns)
                foreach (var value in c.Query<string?>($"SELECT \"{column}\" FROM {schema}.\"{table}\""))
                    AssertNoneIn($"{schema}.{table}.{column}", value);
        }

        // The database files on disk (checkpointed when the last writer closed).
        foreach (var file in Directory.GetFiles(dir.Path, "w.duckdb*"))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var clear in ClearDigits.Concat(Typed))
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(clear)) < 0, $"{clear} in {Path.GetFileName(file)}");
        }

        // The reports: the monthly briefing prints the upheld complaints' content.
        var html = Directory.GetFiles(reports, "*.html");
        Assert.Equal(2, html.Length);
        var briefingHtml = File.ReadAllText(html.Single(f => Path.GetFileName(f).StartsWith("月度通报")));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Masked), briefingHtml);
        foreach (var file in Directory.GetFiles(reports).Where(f => f.EndsWith(".html") || f.EndsWith(".md")))
            AssertNoneIn(Path.GetFileName(file), File.ReadAllText(file));
        var pdfs = Directory.GetFiles(reports, "*.pdf");
        if (Oversight.Reports.ChromiumPdf.FindBrowser() is not null && File.Exists("/usr/bin/pdftotext")) // PDFs only where Chromium is installed
        {
            Assert.Equal(2, pdfs.Length);
            foreach (var pdf in pdfs)
            {
                var text = PdfText(pdf);
                Assert.False(string.IsNullOrWhiteSpace(text));
                AssertNoneIn(Path.GetFileName(pdf), text);
                if (Path.GetFileName(pdf).StartsWith("月度通报")) Assert.Contains("139****4321", text.Replace(" ", ""));
            }
        }

        // The archived file keeps its content under the masked name.
        var archived = Directory.GetFiles(Path.Combine(inbox, "archive")).Select(Path.GetFileName).ToList();
        Assert.Contains("投诉_张三139＊＊＊＊0000.csv", archived);
        Assert.DoesNotContain(archived, f => Normalise(f!).Contains("13912340000"));
        Assert.Contains("K5,", File.ReadAllText(Path.Combine(inbox, "archive", "投诉_张三139＊＊＊＊0000.csv")));
        Assert.Contains("投诉_张三139****0000.csv", ingest.StdOut);

        // Everything the commands printed: progress, summaries, the reject list, status, query results.
        Assert.Contains("139****6666", rejects.StdOut);
        foreach (var entry in log) AssertNoneIn("command output", entry);
    }

    private static string PdfText(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
