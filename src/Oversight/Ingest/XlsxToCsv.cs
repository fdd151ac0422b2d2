using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using Oversight.Feeds;

namespace Oversight.Ingest;

/// <summary>Streams the first sheet of a workbook (.xlsx, or .xls: Excel 97–2003) into a UTF-8 CSV with a leading
/// row_no column (the sheet's row number), as <see cref="TextCsv.NumberRecords"/> writes for CSV input. Excel date
/// cells become yyyy-MM-dd HH:mm:ss. A numeric cell becomes the text the sheet shows where its number format is a
/// plain digit pattern (<c>0000000</c> shows 10010 as <c>0010010</c>), else the whole number without decimals.</summary>
public static partial class XlsxToCsv
{
    /// <summary>Returns the columns whose numeric cells could not keep the text the sheet shows (first row each).</summary>
    public static IReadOnlyList<CellIssue> Convert(string workbook, string csv)
    {
        // ExcelDataReader looks up code page 1252 even for .xlsx, and .xls text is in the workbook's code page.
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var issues = new SortedDictionary<int, CellIssue>();
        try
        {
            using var stream = File.OpenRead(workbook);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16);
            // The header may sit below title rows, which are often narrower (one merged cell): the width is that of
            // the widest of the first rows, and every row is written with exactly as many fields.
            var head = new List<(long Row, string[] Cells)>();
            string[]? fields = null;
            long row = 0;
            while (reader.Read())
            {
                row++;
                var cells = new string[Math.Min(reader.FieldCount, InputBounds.MaxColumns)];
                for (var i = 0; i < cells.Length; i++)
                    if ((cells[i] = Cell(reader, i, row, issues)).Length > InputBounds.MaxCellChars)
                        throw InputBounds.CellTooLong(row, i + 1, cells[i].Length);
                // Blank cells far to the right (formatted once) are common; content there is not.
                for (var i = cells.Length; i < reader.FieldCount; i++)
                    if (reader.GetValue(i) is not (null or "")) throw InputBounds.CellBeyondColumns(row, i + 1);
                if (fields is not null) Write(writer, row, cells, fields);
                else
                {
                    head.Add((row, cells));
                    if (head.Count == ColumnMap.HeaderSearchRows) fields = WriteHead(writer, head);
                }
            }
            if (fields is null) WriteHead(writer, head);
        }
        catch (Exception ex) when (ex is not (FileSetAside or IOException or OutOfMemoryException))
        {
            throw new FileSetAside(Messages.ExcelUnreadable(ex.Message));
        }
        return issues.Values.ToList();
    }

    private static string[] WriteHead(StreamWriter writer, List<(long Row, string[] Cells)> head)
    {
        var width = head.Count == 0 ? 0 : head.Max(h => Array.FindLastIndex(h.Cells, c => c.Length > 0) + 1);
        if (width == 0) throw new FileSetAside(Messages.ExcelNoHeader);
        var fields = new string[width];
        foreach (var (r, c) in head) Write(writer, r, c, fields);
        return fields;
    }

    private static void Write(StreamWriter writer, long row, string[] cells, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++) fields[i] = i < cells.Length ? cells[i] : "";
        if (fields.All(f => f.Length == 0)) return; // wholly empty rows carry nothing
        // Record 1 carries the column name, as the CSV decoder writes it; other rows their sheet row number.
        writer.Write(row == 1 ? "row_no," : row.ToString(CultureInfo.InvariantCulture) + ",");
        writer.Write(string.Join(',', fields.Select(CsvText.Quote)));
        writer.Write('\n');
    }

    private static string Cell(IExcelDataReader reader, int i, long row, SortedDictionary<int, CellIssue> issues)
    {
        var value = reader.GetValue(i);
        return value switch
        {
            null => "",
            DateTime d => d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double x => Number(x, reader.GetNumberFormatString(i), i, row, issues),
            bool b => b ? YesNo.Yes : YesNo.No,
            _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>Excel keeps 15 significant digits: a longer number (an ID number typed into a numeric cell) has
    /// already lost its last digits, and no format brings them back.</summary>
    private const double ExactDigitsLimit = 1e15;

    private static string Number(double x, string? format, int column, long row, SortedDictionary<int, CellIssue> issues)
    {
        var whole = x == Math.Floor(x);
        if (whole && Math.Abs(x) < ExactDigitsLimit)
        {
            if (format is not null && DigitPattern().IsMatch(format))
                return x.ToString(format, CultureInfo.InvariantCulture);
            if (format is not null && format.Contains("00", StringComparison.Ordinal) && !PlainDecimal().IsMatch(format))
                issues.TryAdd(column, new CellIssue(column, row, Messages.CellFormatNotRestored(format, (long)x)));
            return ((long)x).ToString(CultureInfo.InvariantCulture);
        }
        issues.TryAdd(column, new CellIssue(column, row, whole
            ? Messages.DigitsLost
            : Messages.NotAnIntegerCode(x)));
        return whole ? x.ToString("0", CultureInfo.InvariantCulture) : x.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats .NET renders exactly as Excel does: digit placeholders with quoted or escaped literals, and
    /// the separators both take literally (<c>000-0000</c>).</summary>
    [GeneratedRegex("""^(?:[0#\- ()/]|"[^"]*"|\\.)*0(?:[0#\- ()/]|"[^"]*"|\\.)*$""")]
    private static partial Regex DigitPattern();

    /// <summary>Decimal and thousands formats (0.00, #,##0.00): they change no digit of a whole number's integer part.</summary>
    [GeneratedRegex(@"^[#,]*0(?:\.0+)?$")]
    private static partial Regex PlainDecimal();
}
