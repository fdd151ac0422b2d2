using System.Globalization;

namespace Oversight.Ingest;

/// <summary>The limits every inbox file is held to while it is streamed, before DuckDB or memory sees it: a file
/// over one is set aside with the row and column where it went over. They are far above what any export of the
/// contract's tables holds, and low enough that no file can exhaust memory or stall the night.</summary>
public static class InputBounds
{
    /// <summary>Columns in any row. The contract's widest table has under 20; Excel writes up to 16,384 when blank
    /// columns far to the right were once formatted, and DuckDB runs out of memory on thousands.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Bytes of the header row.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Bytes of one row (of a CSV record as sent; of a sheet row's XML in a workbook).</summary>
    public const int MaxRowBytes = 1_000_000;

    /// <summary>Bytes of one cell's XML in a workbook: 32,767 characters written as the longest character references.</summary>
    public const int MaxCellXmlBytes = MaxCellChars * 10;

    /// <summary>Decompressed bytes of a worksheet in a workbook (Excel's 1,048,576 rows of a 20-column table take
    /// about 600 MB), and of the shared strings, which the reader keeps in memory whole.</summary>
    public const long MaxSheetBytes = 2L << 30;
    public const long MaxSharedStringsBytes = 256L << 20;

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static FileSetAside TooManyColumns(long row, long columns) =>
        new($"第 {N(row)} 行有 {N(columns)} 列，从第 {N(MaxColumns + 1)} 列起超过上限（每行至多 {N(MaxColumns)} 列）：" +
            "可能是 Excel 把右侧的空白列也导出了，请删除多余的列后重新导出，整个文件未导入。");

    /// <param name="chars">Null when the cell was stopped before its end was read.</param>
    public static FileSetAside CellTooLong(long row, long column, long? chars) =>
        new($"第 {N(row)} 行第 {N(column)} 列的单元格{(chars is { } n ? $"有 {N(n)} 个字符，" : "")}超过 Excel 单元格的上限 {N(MaxCellChars)} 个字符，" +
            "内容异常，整个文件未导入。请检查该单元格后重新导出。");

    public static FileSetAside CellBeyondColumns(long row, long column) =>
        new($"第 {N(row)} 行第 {N(column)} 列有内容，超过上限（每行至多 {N(MaxColumns)} 列），内容异常，整个文件未导入。请删除多余的列后重新导出。");

    public static FileSetAside RowTooLong(long row, long? column = null) =>
        new($"第 {N(row)} 行{(column is { } c ? $"（第 {N(c)} 列起）" : "")}过长（超过 1 MB），" +
            "可能是某个单元格内容异常巨大或引号没有配对，整个文件未导入。");

    public static FileSetAside HeaderTooLong(long row, long bytes) =>
        new($"表头（第 {N(row)} 行）长 {N(bytes)} 字节，超过上限 {N(MaxHeaderBytes / 1024)} KB，内容异常，整个文件未导入。");
}
