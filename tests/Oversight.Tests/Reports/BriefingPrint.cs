using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ExcelDataReader;

namespace Oversight.Tests.Reports;

/// <summary>Reads a rendered briefing back the way a reader gets it: the PDF's text per page (pdftotext), the
/// DOM Chromium laid out, the XLSX through an independent reader.</summary>
internal static class BriefingPrint
{
    /// <summary>The PDF's text, one string per page (pdftotext separates pages with form feeds).</summary>
    public static List<string> PdfPages(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-layout", pdf, "-" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("pdftotext 未安装：运行 .ci/install-deps");
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text.Split('\f').Where(t => t.Trim().Length > 0).ToList();
    }

    /// <summary>pdffonts' table of the fonts a PDF embeds.</summary>
    public static string Fonts(string pdf)
    {
        var psi = new ProcessStartInfo("pdffonts") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(pdf);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("pdffonts 未安装：运行 .ci/install-deps");
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }

    /// <summary>The visible text of an HTML fragment, styles, scripts and tags removed, entities decoded, whitespace collapsed.</summary>
    public static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<(style|script)>.*?</(style|script)>", "", RegexOptions.Singleline), "<[^>]+>", " ")), @"\s+", " ");

    /// <summary>Names only a programmer knows: CLI commands, schemas and views, SQL, code-style column names,
    /// formulas in function form.</summary>
    public static readonly Regex Technical = new(
        @"api\.|oversight|rejects|mart_|core_|fct_|dim_|SELECT|\bmin\(|\bmax\(|least\(|_rate|_count|NULL|\bnull\b|undefined|NaN",
        RegexOptions.IgnoreCase);

    /// <summary>Chart labels in "25.11" style (two-digit year dot month).</summary>
    public static readonly Regex DottedMonth = new(@"<text[^>]*>\s*\d{2}\.\d{1,2}\s*</text>");

    /// <summary>The rows of the ranking table in the DOM, each as its cells' text, keyed by center code.</summary>
    public static Dictionary<string, List<string>> RankingRows(string dom)
    {
        var table = Regex.Match(dom, "<table id=\"ranking\">.*?</table>", RegexOptions.Singleline).Value;
        return Regex.Matches(table, "<tr data-center=\"(\\d+)\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value,
                m => Regex.Matches(m.Groups[2].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(c => Text(c.Groups[1].Value).Trim()).ToList());
    }

    /// <summary>Every sheet of a workbook as rows of cell values (number cells as double, text as string).</summary>
    public static Dictionary<string, List<object?[]>> Workbook(string xlsx)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // the reader asks for 1252
        using var stream = File.OpenRead(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        } while (reader.NextResult());
        return sheets;
    }
}
