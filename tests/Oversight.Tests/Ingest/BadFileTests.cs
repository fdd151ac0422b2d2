using System.Net.Sockets;
using System.Text;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>One bad file never stops the night: each is set aside or skipped with a Chinese reason naming it (and
/// the row, where there is one), and the files after it load.</summary>
public class BadFileTests
{
    private const string CaseHeader = "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n";

    private static string CaseRows(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}{i},511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n"));

    private static FileOutcome Only(IngestReport report, string name) => Assert.Single(report.Files, f => f.FileName == name);

    [Fact]
    public void Mixed_crlf_lf_and_lone_cr_line_ends_all_end_a_line_and_rows_keep_their_numbers()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // Rows 2 (CRLF), 3 (LF), 4 (lone CR), 5 blank (CR), 6 with a quoted CRLF kept as text, 7 bad date, 8 last.
        w.WriteCsv("cases_mixed.csv",
            "case_id,center_code,window_code,item_code,case_type,accepted_at,status\r\n" +
            "M1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n" +
            "M2,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\r" +
            "M3,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\r\r" +
            "\"M\r\n4\",511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\r\n" +
            "M5,511922001,W001,I05,承诺件,not-a-date,办理中\r" +
            "M6,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中");
        var file = Only(w.Ingest(threshold: 1.0), "cases_mixed.csv");
        Assert.Equal(Outcomes.Loaded, file.Outcome);
        Assert.Equal("M1|M2|M3|M6", string.Join('|', w.Query<string>("SELECT case_id FROM fct_case WHERE case_id LIKE 'M_' ORDER BY case_id")));
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM fct_case WHERE case_id = 'M' || chr(13) || chr(10) || '4'"));
        Assert.Equal(7L, w.Scalar<long>("SELECT row_number FROM load_reject"));
    }

    [Theory]
    [InlineData("huge", "第 3 行过长（超过 1 MB）")]
    [InlineData("columns", "第 40002 行的列数与表头不一致（表头 7 列，该行 8 列）")]
    [InlineData("quote", "第 30002 行的引号没有配对")]
    public void A_parser_error_deep_inside_a_file_is_set_aside_in_chinese_naming_the_row(string shape, string reason)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var body = new StringBuilder(CaseHeader);
        switch (shape)
        {
            case "huge": // a 50 MB field in row 3
                body.Append(CaseRows("A", 1)).Append("A2,511922001,W001,I05,承诺件,2026-03-02 09:00,").Append('x', 50 << 20).Append('\n');
                break;
            case "columns":
                body.Append(CaseRows("B", 40_000)).Append("B-X,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,多余\n");
                break;
            case "quote":
                body.Append(CaseRows("C", 30_000)).Append("\"C-X,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
                break;
        }
        body.Append(CaseRows("Z", 10));
        w.WriteCsv($"cases_{shape}.csv", body.ToString());
        w.WriteCsv("cases_zz_good.csv", CaseHeader + CaseRows("G", 5));

        var report = w.Ingest();

        var bad = Only(report, $"cases_{shape}.csv");
        Assert.Equal(Outcomes.SetAside, bad.Outcome);
        Assert.Contains(reason, bad.Reason);
        Assert.Contains("整个文件未导入", bad.Reason);
        Assert.DoesNotContain("xxxxxxxxxx", bad.Reason); // the offending line is never echoed
        Assert.Contains(reason, File.ReadAllText(Path.Combine(w.Inbox, "quarantine", $"cases_{shape}.csv.reason.txt")));
        Assert.Equal(Outcomes.Loaded, Only(report, "cases_zz_good.csv").Outcome);
        Assert.Equal(5L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void A_file_that_vanishes_between_listing_and_reading_is_skipped_and_the_rest_loads()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var gone = w.WriteCsv("cases_a_gone.csv", CaseHeader + CaseRows("V", 3));
        w.WriteCsv("cases_b_good.csv", CaseHeader + CaseRows("G", 3));

        // The progress line for a file is reported just before it is opened.
        var report = w.Ingest(progress: new OnProgress(line => { if (line.EndsWith("cases_a_gone.csv")) File.Delete(gone); }));

        var skipped = Only(report, "cases_a_gone.csv");
        Assert.Equal(Outcomes.Skipped, skipped.Outcome);
        Assert.Contains("已不存在", skipped.Reason);
        Assert.Equal(Outcomes.Loaded, Only(report, "cases_b_good.csv").Outcome);
        Assert.Equal(3L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public async Task Fifos_sockets_devices_and_dangling_links_are_set_aside_unopened_and_folders_and_hidden_files_are_listed()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var fifo = Path.Combine(w.Inbox, "cases_1_fifo.csv");
        Assert.Equal(0, Run("mkfifo", fifo));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(w.Inbox, "cases_2_socket.csv")));
        var device = Run("mknod", Path.Combine(w.Inbox, "cases_3_device.csv"), "c", "1", "3") == 0; // needs root
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "cases_4_link.csv"), Path.Combine(w.Root, "no-such-file.csv"));
        w.WriteCsv(".cases_hidden.csv", CaseHeader + CaseRows("H", 1));
        w.WriteCsv("~$cases_open.xlsx", "lock");
        Directory.CreateDirectory(Path.Combine(w.Inbox, "2026年9月"));
        w.WriteCsv("cases_9_good.csv", CaseHeader + CaseRows("G", 4));

        // Opening the FIFO would block this call for ever.
        var report = await Task.Run(() => w.Ingest()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Contains("命名管道", Only(report, "cases_1_fifo.csv").Reason);
        Assert.Contains("套接字", Only(report, "cases_2_socket.csv").Reason);
        if (device) Assert.Contains("设备文件", Only(report, "cases_3_device.csv").Reason);
        Assert.Contains("符号链接", Only(report, "cases_4_link.csv").Reason);
        foreach (var name in new[] { "cases_1_fifo.csv", "cases_2_socket.csv", "cases_4_link.csv" })
        {
            Assert.Equal(Outcomes.SetAside, Only(report, name).Outcome);
            Assert.True(OwnerOnly.Exists(Path.Combine(w.Inbox, "quarantine", name)), name);
        }
        Assert.Contains("隐藏文件", Only(report, ".cases_hidden.csv").Reason);
        Assert.Contains("临时锁文件", Only(report, "~$cases_open.xlsx").Reason);
        Assert.Contains("文件夹", Only(report, "2026年9月/").Reason);
        Assert.True(File.Exists(Path.Combine(w.Inbox, ".cases_hidden.csv")));
        Assert.True(Directory.Exists(Path.Combine(w.Inbox, "2026年9月")));
        Assert.Equal(Outcomes.Loaded, Only(report, "cases_9_good.csv").Outcome);
        Assert.Equal(4L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    internal static int Run(string program, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode;
    }

    internal sealed class OnProgress(Action<string> action) : IProgress<string>
    {
        public void Report(string value) => action(value);
    }
}
