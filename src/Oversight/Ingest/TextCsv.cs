using System.Text;

namespace Oversight.Ingest;

/// <summary>Gets any accepted input file as a UTF-8 CSV that DuckDB's read_csv can scan:
/// UTF-8 files are used in place, GB18030 files are transcoded streaming, XLSX sheets are written out.</summary>
public sealed class TextCsv : IDisposable
{
    private readonly string? _tempPath;

    public string Path { get; }
    public string Format { get; }
    public string Encoding { get; }

    private TextCsv(string path, string format, string encoding, string? tempPath)
    {
        Path = path;
        Format = format;
        Encoding = encoding;
        _tempPath = tempPath;
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
                return new TextCsv(xlsxOut, "xlsx", "xlsx", xlsxOut);
            case ".csv":
                if (isZip) throw new FileSetAside("文件扩展名是 .csv，但内容是压缩包或 Excel 工作簿，请另存为 CSV 或改用 .xlsx 扩展名。");
                if (IsValidUtf8(file)) return new TextCsv(file, "csv", "utf-8", null);
                var gbOut = TempName(tempDir, file);
                TranscodeGb18030(file, gbOut);
                return new TextCsv(gbOut, "csv", "gb18030", gbOut);
            default:
                throw new FileSetAside($"不支持的文件格式“{ext}”：只接受 CSV（.csv）和 Excel（.xlsx）。");
        }
    }

    public void Dispose()
    {
        if (_tempPath is not null) File.Delete(_tempPath);
    }

    private static string TempName(string tempDir, string file) =>
        System.IO.Path.Combine(tempDir, $"{Guid.NewGuid():N}-{System.IO.Path.GetFileNameWithoutExtension(file)}.csv");

    private static bool StartsWithZipMagic(string file)
    {
        Span<byte> head = stackalloc byte[4];
        using var s = File.OpenRead(file);
        return s.Read(head) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static bool IsValidUtf8(string file)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 20];
        var chars = new char[(1 << 20) + 4];
        using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            int n;
            while ((n = s.Read(bytes)) > 0) decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void TranscodeGb18030(string file, string output)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            using var reader = new StreamReader(file, gb, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16);
            var buffer = new char[1 << 16];
            int n;
            while ((n = reader.Read(buffer)) > 0) writer.Write(buffer, 0, n);
        }
        catch (DecoderFallbackException)
        {
            File.Delete(output);
            throw new FileSetAside("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请用 Excel“另存为 CSV UTF-8”后重新报送。");
        }
    }
}
