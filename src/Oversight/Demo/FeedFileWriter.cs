using System.Globalization;
using System.Text;
using Oversight.Feeds;
using Oversight.Ingest;

namespace Oversight.Demo;

/// <summary>How one demo file is written: the contract allows either header language, UTF-8 (with or without BOM),
/// GB18030, and XLSX; county exports use all of them.</summary>
public sealed record FileStyle(string Format, bool ChineseHeaders, string Encoding = "utf-8", string DateFormat = "yyyy-MM-dd HH:mm:ss");

/// <summary>Writes rows of a feed in contract format. Values: string, int, long, DateTime, DateOnly or null.</summary>
public static class FeedFileWriter
{
    static FeedFileWriter() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Write(string dir, string baseName, Feed feed, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, FileStyle style)
    {
        var header = columns.Select(c => style.ChineseHeaders ? feed.Columns.Single(x => x.Name == c).ChineseHeader : c).ToList();
        if (style.Format == "xlsx")
        {
            var path = Path.Combine(dir, baseName + ".xlsx");
            using var xlsx = new XlsxWriter(path);
            xlsx.WriteRow(header);
            foreach (var row in rows)
                xlsx.WriteRow(row.Select(v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v));
            return path;
        }

        var csvPath = Path.Combine(dir, baseName + ".csv");
        var encoding = style.Encoding switch
        {
            "gb18030" => System.Text.Encoding.GetEncoding("GB18030"),
            "utf-8-bom" => new UTF8Encoding(true),
            _ => new UTF8Encoding(false),
        };
        using var writer = new StreamWriter(csvPath, false, encoding, 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', header));
        var fields = new string[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) fields[i] = CsvText.Quote(Format(row[i], style.DateFormat));
            writer.WriteLine(string.Join(',', fields));
        }
        return csvPath;
    }

    private static string Format(object? value, string dateFormat) => value switch
    {
        null => "",
        DateTime d => d.ToString(dateFormat, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString(dateFormat.StartsWith("yyyy/", StringComparison.Ordinal) ? "yyyy/M/d" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

}
