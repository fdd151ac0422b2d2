using System.Globalization;
using System.Text;
using ExcelDataReader;
using Oversight.Feeds;

namespace Oversight.Ingest;

/// <summary>Streams the first sheet of a workbook into a UTF-8 CSV with a leading row_no column (the sheet's row
/// number, header = 1), as <see cref="TextCsv.NumberRecords"/> writes for CSV input. Excel date cells become
/// yyyy-MM-dd HH:mm:ss; whole numbers are written without decimals so codes stay readable.</summary>
public static class XlsxToCsv
{
    public static void Convert(string xlsx, string csv)
    {
        try
        {
            using var stream = File.OpenRead(xlsx);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16);
            var width = -1; // the header's width: every row is written with exactly as many fields
            var fields = new string[0];
            long row = 0;
            while (reader.Read())
            {
                row++;
                if (width < 0)
                {
                    width = Enumerable.Range(0, reader.FieldCount).LastOrDefault(i => Cell(reader.GetValue(i)).Length > 0, -1) + 1;
                    if (width == 0) throw new FileSetAside("Excel 工作簿的第一张表第一行没有表头。");
                    fields = new string[width];
                }
                for (var i = 0; i < width; i++) fields[i] = i < reader.FieldCount ? Cell(reader.GetValue(i)) : "";
                if (fields.All(f => f.Length == 0)) continue; // wholly empty rows carry nothing
                writer.Write(row == 1 ? "row_no," : row.ToString(CultureInfo.InvariantCulture) + ",");
                writer.Write(string.Join(',', fields.Select(CsvText.Quote)));
                writer.Write('\n');
            }
        }
        catch (Exception ex) when (ex is not FileSetAside and not IOException)
        {
            throw new FileSetAside($"Excel 文件无法读取（文件可能已损坏）：{ex.Message}");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

}
