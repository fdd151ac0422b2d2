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
        var at = row is null ? "" : $"第 {row} 行";
        string what;
        var known = true;
        if (message.Contains("Maximum line size", StringComparison.Ordinal))
            what = $"CSV 格式错误：{(at == "" ? "有一行" : at)}过长（超过 2 MB），可能是某个单元格内容异常巨大或引号没有配对";
        else if (message.Contains("unterminated quote", StringComparison.OrdinalIgnoreCase))
            what = $"CSV 格式错误：{(at == "" ? "某一行" : at)}的引号没有配对，之后的内容无法分列（可能文件被截断或单元格内有多余的引号）";
        else if (ColumnCount().Match(message) is { Success: true } c)
            what = $"CSV 格式错误：{(at == "" ? "某一行" : at)}的列数与表头不一致（表头 {int.Parse(c.Groups[1].Value) - 1} 列，" +
                   $"该行 {int.Parse(c.Groups[2].Value) - 1} 列），可能是单元格内有未加引号的逗号";
        else if (message.Contains("CSV Error", StringComparison.Ordinal) || message.Contains("CSV Parser", StringComparison.Ordinal))
            what = $"CSV 格式错误{(at == "" ? "" : "：" + at + "无法解析")}（可能文件被截断、引号不配对或列数不一致）";
        else
        {
            what = "数据库处理该文件时出错";
            known = false;
        }
        // DuckDB's own words only where this sentence could not say what went wrong.
        return new FileSetAside(known ? $"{what}，整个文件未导入。" : $"{what}，整个文件未导入。（数据库原始信息：“{Detail(message)}”）");
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
        OutOfMemoryException => "内存不足",
        DuckDBException d => DuckDbCause(d.Message),
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => null,
        IOException io => ErrnoCause(io.HResult & 0xFFFF) ?? "文件读写出错",
        _ => null,
    };

    private static string? DuckDbCause(string message)
    {
        if (message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || message.Contains("Disk quota", StringComparison.OrdinalIgnoreCase))
            return "磁盘空间已满";
        if (message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase) || message.Contains("Cannot allocate memory", StringComparison.Ordinal))
            return "内存不足";
        if (message.Contains("Input/output error", StringComparison.Ordinal) || message.Contains("Read-only file system", StringComparison.Ordinal))
            return "磁盘读写错误（I/O 错误）";
        return new[] { "IO Error", "FATAL", "INTERNAL Error", "invalidated", "Interrupt", "Failed to commit" }
            .Any(m => message.Contains(m, StringComparison.Ordinal)) ? "数据库读写出错（可能磁盘故障或数据库文件损坏）" : null;
    }

    /// <summary>.NET on Unix keeps the errno in an IOException's HResult.</summary>
    private static string? ErrnoCause(int errno) => errno switch
    {
        28 or 122 => "磁盘空间已满", // ENOSPC, EDQUOT
        5 => "磁盘读写错误（I/O 错误）", // EIO
        30 => "磁盘为只读", // EROFS
        12 => "内存不足", // ENOMEM
        _ => null,
    };

    /// <summary>The run stops on a machine fault: the message names the cause and says the file is not at fault and
    /// stays in the inbox, like the files after it; the next run reads them again. No English system text.</summary>
    public static Warehouse.WarehouseException Stopped(string fileName, string stage, string cause, Exception ex) =>
        new($"导入 {fileName} 时{cause}（{stage}），本次导入已停止。这不是该文件的问题：它没有被搁置，和尚未导入的文件一起仍留在收件目录，" +
            $"{Advice(cause)}后重新运行导入即可（下次会重新读取）。", ex);

    private static string Advice(string cause) => cause switch
    {
        "磁盘空间已满" => "请清理数据库和收件目录所在磁盘的空间",
        "内存不足" => "请关闭其他占用内存的程序或增加内存",
        _ => "请检查磁盘和数据库文件",
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
