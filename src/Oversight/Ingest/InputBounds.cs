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
        new(Messages.TooManyColumns(row, columns, MaxColumns));

    /// <param name="chars">Null when the cell was stopped before its end was read.</param>
    public static FileSetAside CellTooLong(long row, long column, long? chars) =>
        new(Messages.CellTooLong(row, column, chars, MaxCellChars));

    public static FileSetAside CellBeyondColumns(long row, long column) =>
        new(Messages.CellBeyondColumns(row, column, MaxColumns));

    public static FileSetAside RowTooLong(long row, long? column = null) =>
        new(Messages.RowTooLong(row, column));

    public static FileSetAside HeaderTooLong(long row, long bytes) =>
        new(Messages.HeaderTooLong(row, bytes, MaxHeaderBytes / 1024));
}
