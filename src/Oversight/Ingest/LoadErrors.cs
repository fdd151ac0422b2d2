using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>Turns a DuckDB error raised while loading one file into a Chinese sentence for the sender, naming the
/// row where DuckDB names one. The decoded file starts every line with the sender's row number (header = 1), so
/// DuckDB's "Original Line: 12345,…" gives the row as the sender counts it. DuckDB's own text is kept only as a
/// short quoted detail of an error not recognised here (never the offending line, which may be megabytes long or
/// hold personal data).</summary>
public static partial class LoadErrors
{
    public static FileSetAside Explain(DuckDBException ex)
    {
        var message = ex.Message;
        var row = OriginalRow().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        string what;
        var known = true;
        if (message.Contains("Maximum line size", StringComparison.Ordinal))
            what = Messages.CsvLineTooLong(row);
        else if (message.Contains("unterminated quote", StringComparison.OrdinalIgnoreCase))
            what = Messages.CsvUnterminatedQuote(row);
        else if (ColumnCount().Match(message) is { Success: true } c)
            what = Messages.CsvColumnCount(row, int.Parse(c.Groups[1].Value) - 1, int.Parse(c.Groups[2].Value) - 1);
        else if (message.Contains("CSV Error", StringComparison.Ordinal) || message.Contains("CSV Parser", StringComparison.Ordinal))
            what = Messages.CsvError(row);
        else
        {
            what = Messages.DatabaseFileError;
            known = false;
        }
        // DuckDB's own words only where this sentence could not say what went wrong.
        return new FileSetAside(known ? Messages.FileNotLoaded(what) : Messages.FileNotLoaded(what, Detail(message)));
    }

    /// <summary>Whether the error is about the file's content (set it aside, go on with the night) rather than the
    /// machine or the database (disk full, out of memory, a fatal error that invalidates the database): then every
    /// following file would fail too and be set aside for nothing, so the run stops and leaves them in the inbox.</summary>
    public static bool IsAboutTheFile(DuckDBException ex) => MachineCause(ex) is null;

    /// <summary>What went wrong with the machine, in Chinese, or null when the error is about the file itself. DuckDB
    /// reports a full disk or an I/O failure as "IO Error" while spilling, and inside "Failed to commit" at commit;
    /// .NET reports them as an IOException carrying the errno.</summary>
    public static string? MachineCause(Exception ex) => ex switch
    {
        OutOfMemoryException => Messages.OutOfMemory,
        DuckDBException d => DuckDbCause(d.Message),
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => null,
        IOException io => ErrnoCause(io.HResult & 0xFFFF) ?? Messages.FileIoError,
        _ => null,
    };

    private static string? DuckDbCause(string message)
    {
        if (message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || message.Contains("Disk quota", StringComparison.OrdinalIgnoreCase))
            return Messages.DiskFull;
        if (message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase) || message.Contains("Cannot allocate memory", StringComparison.Ordinal))
            return Messages.OutOfMemory;
        if (message.Contains("Input/output error", StringComparison.Ordinal) || message.Contains("Read-only file system", StringComparison.Ordinal))
            return Messages.DiskIoError;
        return new[] { "IO Error", "FATAL", "INTERNAL Error", "invalidated", "Interrupt", "Failed to commit" }
            .Any(m => message.Contains(m, StringComparison.Ordinal)) ? Messages.DatabaseIoError : null;
    }

    /// <summary>.NET on Unix keeps the errno in an IOException's HResult.</summary>
    private static string? ErrnoCause(int errno) => errno switch
    {
        28 or 122 => Messages.DiskFull, // ENOSPC, EDQUOT
        5 => Messages.DiskIoError, // EIO
        30 => Messages.DiskReadOnly, // EROFS
        12 => Messages.OutOfMemory, // ENOMEM
        _ => null,
    };

    /// <summary>The run stops on a machine fault: the message names the cause and says the file is not at fault and
    /// stays in the inbox, like the files after it; the next run reads them again. No English system text.</summary>
    public static Warehouse.WarehouseException Stopped(string fileName, bool writingDatabase, string cause, Exception ex) =>
        new(Messages.LoadStopped(fileName, cause, writingDatabase, Advice(cause)), ex);

    private static string Advice(string cause) => cause switch
    {
        Messages.DiskFull => Messages.FreeDiskSpace,
        Messages.OutOfMemory => Messages.FreeMemory,
        _ => Messages.CheckDisk,
    };

    /// <summary>A read_csv error: the decoded file itself is malformed.</summary>
    public static bool IsCsvError(DuckDBException ex) =>
        ex.Message.Contains("CSV Error", StringComparison.Ordinal) || ex.Message.Contains("CSV Parser", StringComparison.Ordinal);

    private static string Detail(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    [GeneratedRegex(@"Original Line: (\d+),")]
    private static partial Regex OriginalRow();

    [GeneratedRegex(@"Expected Number of Columns: (\d+) Found: (\d+)")]
    private static partial Regex ColumnCount();
}
