using System.Text;

namespace Oversight.Ingest;

/// <summary>Decodes an accepted input file into a temporary UTF-8 CSV with a leading row_no column, which DuckDB's
/// read_csv scans: CSV in UTF-8 or GB18030 (detected, not asked), or the first sheet of an XLSX workbook.
/// Disposing deletes the temporary file.</summary>
public sealed class TextCsv : IDisposable
{
    public string Path { get; }
    public string Format { get; }
    public string Encoding { get; }

    private TextCsv(string path, string format, string encoding)
    {
        Path = path;
        Format = format;
        Encoding = encoding;
    }

    public static TextCsv Open(string file, string tempDir)
    {
        var info = new FileInfo(file);
        if (info.Length == 0) throw new FileSetAside("文件为空（0 字节）。");
        var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
        var isZip = StartsWithZipMagic(file);
        switch (ext)
        {
            case ".xlsx":
                if (!isZip) throw new FileSetAside("文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的 CSV 或其他文件）。");
                var xlsxOut = TempName(tempDir, file);
                XlsxToCsv.Convert(file, xlsxOut);
                return new TextCsv(xlsxOut, "xlsx", "xlsx");
            case ".csv":
                if (isZip) throw new FileSetAside("文件扩展名是 .csv，但内容是压缩包或 Excel 工作簿，请另存为 CSV 或改用 .xlsx 扩展名。");
                var output = TempName(tempDir, file);
                try
                {
                    NumberRecords(file, output, new UTF8Encoding(false, throwOnInvalidBytes: true));
                    return new TextCsv(output, "csv", "utf-8");
                }
                catch (DecoderFallbackException)
                {
                    System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                    var gb = System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                    try
                    {
                        NumberRecords(file, output, gb);
                        return new TextCsv(output, "csv", "gb18030");
                    }
                    catch (DecoderFallbackException)
                    {
                        File.Delete(output);
                        throw new FileSetAside("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请用 Excel“另存为 CSV UTF-8”后重新报送。");
                    }
                }
            default:
                throw new FileSetAside($"不支持的文件格式“{ext}”：只接受 CSV（.csv）和 Excel（.xlsx）。");
        }
    }

    public void Dispose() => File.Delete(Path);

    private static string TempName(string tempDir, string file) =>
        System.IO.Path.Combine(tempDir, $"{Guid.NewGuid():N}-{System.IO.Path.GetFileNameWithoutExtension(file)}.csv");

    private static bool StartsWithZipMagic(string file)
    {
        Span<byte> head = stackalloc byte[4];
        using var s = File.OpenRead(file);
        return s.Read(head) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>Decodes the file and writes it as UTF-8 with its record number (header = 1) as a leading
    /// <c>row_no</c> column, so read_csv needs no window function to number rows (one streaming pass; blank lines
    /// are counted but dropped). Quoted fields may contain commas and newlines (RFC 4180).</summary>
    public static void NumberRecords(string file, string output, System.Text.Encoding encoding)
    {
        using var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16);
        var buffer = new char[1 << 16];
        long record = 1;
        var atRecordStart = true;
        var quoted = false;
        var first = true;
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            var start = 0;
            if (first && buffer[0] == '\uFEFF') start = 1; // byte order mark
            first = false;
            var i = start;
            while (i < n)
            {
                if (atRecordStart)
                {
                    var c0 = buffer[i];
                    if (c0 is '\r') { i++; continue; }
                    if (c0 is '\n') { record++; i++; continue; }
                    writer.Write(record == 1 ? "row_no," : record.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
                    atRecordStart = false;
                }
                // Copy up to the next quote or newline in one write; only those two change state.
                var j = buffer.AsSpan(i, n - i).IndexOfAny('"', '\n');
                if (j < 0) { writer.Write(buffer, i, n - i); break; }
                var c = buffer[i + j];
                writer.Write(buffer, i, j + 1);
                i += j + 1;
                if (c == '"') quoted = !quoted;
                else if (!quoted) { record++; atRecordStart = true; }
            }
        }
    }
}
