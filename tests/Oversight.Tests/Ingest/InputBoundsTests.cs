using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Dapper;
using Oversight.Feeds;

namespace Oversight.Tests.Ingest;

/// <summary>Hostile files through the real CLI: each is set aside with the row and column where it broke a bound,
/// quickly and without stopping the night; rows read = rows loaded + rows rejected for every format.</summary>
public class InputBoundsTests
{
    private const string Header = "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,applicant_phone,updated_at";
    private const string Row = "511922001,W001,I05,承诺件,2026-03-01 09:00,,办理中,,2026-05-01 00:00";

    [Fact]
    public void Hostile_files_are_set_aside_naming_row_and_column_and_the_night_goes_on()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_good.csv", $"{Header}\nG1,{Row}\n");
        // What Excel writes when a far-right column was once formatted: 16,384 columns, mostly blank (820 KB).
        w.WriteCsv("cases_excel_wide.csv", string.Concat(Enumerable.Repeat(Header + new string(',', 16_384 - 10) + "\n", 49)));
        w.WriteCsv("cases_named_wide.csv",
            Header + string.Concat(Enumerable.Range(0, 7_990).Select(i => $",extra_{i}")) + $"\nN1,{Row}{new string(',', 7_990)}\n");
        // A cell of 40,000 characters (120 KB in UTF-8): over Excel's limit, under the row bound.
        w.WriteCsv("cases_long_cell.csv", $"{Header}\nL1,{Row}\nL2,511922001,W001,I05,承诺件,2026-03-01 09:00,,办理中,,\"{new string('长', 40_000)}\"\n");
        WriteWorkbook(Path.Combine(w.Inbox, "cases_wide.xlsx"), sheet =>
        {
            sheet.Write("<row r=\"1\">");
            for (var i = 0; i < 100_000; i++) sheet.Write($"<c t=\"inlineStr\"><is><t>h{i}</t></is></c>");
            sheet.Write($"</row>{Cells(2, "W1")}");
        });
        // The last row holds a 1 GB cell: a 1 MB zip.
        WriteWorkbook(Path.Combine(w.Inbox, "cases_huge_cell.xlsx"), sheet =>
        {
            sheet.Write(Cells(1, Header.Split(',')) + Cells(2, ["H1", .. Row.Split(',')]));
            sheet.Write("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>H2</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>");
            var mb = new string('A', 1 << 20);
            for (var i = 0; i < 1024; i++) sheet.Write(mb);
            sheet.Write("</t></is></c></row>");
        });
        // A 50 MB shared string, shown by row 4's third cell.
        WriteWorkbook(Path.Combine(w.Inbox, "cases_shared_cell.xlsx"), sheet =>
            sheet.Write(Cells(1, Header.Split(',')) + Cells(2, ["S1", .. Row.Split(',')]) + Cells(3, ["S2", .. Row.Split(',')]) +
                        "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>S3</t></is></c><c r=\"C4\" t=\"s\"><v>1</v></c></row>"),
            shared => shared.Write($"<si><t>短</t></si><si><t>{new string('B', 50 << 20)}</t></si>"));
        w.Close();

        var clock = Stopwatch.StartNew();
        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);
        clock.Stop();

        Assert.Equal(3, run.ExitCode); // files set aside; the night completed
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "cases_good.csv")), run.StdOut + run.StdErr);
        AssertSetAside(w, "cases_excel_wide.csv", "第 1 行有 16,384 列，从第 1,001 列起超过上限（每行至多 1,000 列）");
        AssertSetAside(w, "cases_named_wide.csv", "第 1 行有 8,000 列，从第 1,001 列起超过上限");
        AssertSetAside(w, "cases_long_cell.csv", "第 3 行第 10 列的单元格有 40,000 个字符，超过 Excel 单元格的上限 32,767 个字符");
        AssertSetAside(w, "cases_wide.xlsx", "第 1 行第 1,001 列有内容，超过上限（每行至多 1,000 列）");
        AssertSetAside(w, "cases_huge_cell.xlsx", "第 3 行第 2 列的单元格超过 Excel 单元格的上限 32,767 个字符");
        AssertSetAside(w, "cases_shared_cell.xlsx", "第 4 行第 3 列的单元格超过 Excel 单元格的上限 32,767 个字符");
    }

    [Fact]
    public void Rows_read_are_rows_loaded_plus_rows_rejected_for_every_format()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // 20 data rows each, two bad (a date that is not one, an unknown window), a blank line that is no row.
        var rows = Enumerable.Range(1, 20).Select(i => i switch
        {
            5 => new[] { "R5", "511922001", "W001", "I05", "承诺件", "不是日期", "", "办理中", "", "" },
            9 => ["R9", "511922001", "W999", "I05", "承诺件", "2026-03-01 09:00", "", "办理中", "", ""],
            _ => [$"R{i}", .. Row.Split(',')],
        }).ToList();
        var csv = $"{Header}\n{string.Join("\n", rows.Take(10).Select(r => string.Join(',', r)))}\n\n{string.Join("\n", rows.Skip(10).Select(r => string.Join(',', r)))}\n";
        w.WriteCsv("cases_utf8.csv", csv);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        w.WriteCsv("cases_gbk.csv", csv.Replace("R", "K"), Encoding.GetEncoding("GB18030"));
        using (var x = new XlsxWriter(Path.Combine(w.Inbox, "cases_book.xlsx")))
        {
            x.WriteRow(Header.Split(','));
            foreach (var r in rows) x.WriteRow(r.Select((c, i) => (object?)(i == 0 ? "X" + c : c.Length == 0 ? null : c)));
        }
        w.Close();

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0", "--reject-threshold", "0.5"]);

        Assert.Equal(0, run.ExitCode);
        w.Reopen();
        var files = w.Connection.Query<(string Name, long Read, long Loaded, long Rejected)>(
            "SELECT file_name, rows_read, rows_loaded, rows_rejected FROM load_file WHERE file_name LIKE 'cases_%' ORDER BY file_name").ToList();
        Assert.Equal(["cases_book.xlsx", "cases_gbk.csv", "cases_utf8.csv"], files.Select(f => f.Name));
        Assert.All(files, f => Assert.Equal((20L, 18L, 2L), (f.Read, f.Loaded, f.Rejected)));
        Assert.All(files, f => Assert.Equal(f.Read, f.Loaded + f.Rejected));
        Assert.Equal(54L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
        Assert.Equal(6L, w.Scalar<long>("SELECT count(*) FROM load_reject"));
    }

    private static void AssertSetAside(TestWarehouse w, string file, string reason)
    {
        var note = Path.Combine(w.Inbox, "quarantine", file + ".reason.txt");
        Assert.True(File.Exists(note), $"{file} was not set aside");
        Assert.Contains(reason, File.ReadAllText(note));
    }

    private static string Cells(int row, params string[] values) =>
        $"<row r=\"{row}\">" + string.Concat(values.Select((v, i) => v.Length == 0 ? "" :
            $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{v}</t></is></c>")) + "</row>";

    /// <summary>A one-sheet workbook whose sheet XML (and shared strings) the test writes by hand, streamed.</summary>
    private static void WriteWorkbook(string path, Action<TextWriter> sheetData, Action<TextWriter>? sharedStrings = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string text)
        {
            using var s = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            s.Write(text);
        }
        var ns = "http://schemas.openxmlformats.org";
        Part("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
        {
            sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>""");
            sheetData(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        using var shared = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        shared.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}/spreadsheetml/2006/main">""");
        sharedStrings?.Invoke(shared);
        shared.Write("</sst>");
    }
}
