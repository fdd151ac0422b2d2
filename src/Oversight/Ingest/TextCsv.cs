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
    /// <summary>Workbook columns whose numeric cells could not keep the text the sheet shows.</summary>
    public IReadOnlyList<CellIssue> CellIssues { get; private init; } = [];

    private TextCsv(string path, string format, string encoding)
    {
        Path = path;
        Format = format;
        Encoding = encoding;
    }

    public static TextCsv Open(string file, string tempDir)
    {
        var info = new FileInfo(file);
        if (info.Length == 0) throw new FileSetAside(Messages.EmptyFile);
        var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
        if (ext is not (".xlsx" or ".xls" or ".csv"))
            throw new FileSetAside(Messages.UnsupportedFormat(ext));
        var isZip = StartsWithZipMagic(file);
        // The same reader takes either kind of workbook, whichever extension it came under.
        var workbook = ext == ".csv" ? null : isZip ? "xlsx" : StartsWithOle2Magic(file) ? "xls" : null;
        if (ext != ".csv" && workbook is null)
            throw new FileSetAside(Messages.NotAWorkbook(ext));
        if (ext == ".csv" && isZip) throw new FileSetAside(Messages.CsvIsZip);
        var output = TempName(tempDir);
        try
        {
            if (workbook is not null)
            {
                // Created owner-only first: the converter then truncates it and keeps the mode.
                if (workbook == "xlsx") XlsxGuard.Check(file);
                using (CreateOwnerOnly(output)) { }
                return new TextCsv(output, workbook, workbook) { CellIssues = XlsxToCsv.Convert(file, output) };
            }
            if (NumberRecords(file, output, gb18030: false)) return new TextCsv(output, "csv", "utf-8");
            if (NumberRecords(file, output, gb18030: true)) return new TextCsv(output, "csv", "gb18030");
            throw new FileSetAside(Messages.UnknownEncoding);
        }
        catch
        {
            File.Delete(output); // a decoded copy holds personal data in clear: never left behind
            throw;
        }
    }

    public void Dispose() => File.Delete(Path);

    /// <summary>Not named after the file: a 251-byte name plus anything is over the file system's limit.</summary>
    private static string TempName(string tempDir) => System.IO.Path.Combine(tempDir, $"{Guid.NewGuid():N}.csv");

    private static bool StartsWithZipMagic(string file)
    {
        Span<byte> head = stackalloc byte[4];
        using var s = File.OpenRead(file);
        return s.Read(head) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>The compound-file signature every Excel 97–2003 workbook starts with.</summary>
    private static bool StartsWithOle2Magic(string file)
    {
        Span<byte> head = stackalloc byte[8];
        using var s = File.OpenRead(file);
        return s.Read(head) == 8 && head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
    }

    /// <summary>Decodes the file and writes it as UTF-8 with its record number (header = 1) as a leading
    /// <c>row_no</c> column, so read_csv needs no window function to number rows (one streaming pass; blank lines
    /// are counted but dropped). Quoted fields may contain commas and newlines (RFC 4180). Returns false when the
    /// file is not valid in the encoding tried. UTF-8 input is validated and copied as bytes, never transcoded:
    /// this pass is single-threaded and sits in front of every load.</summary>
    public static bool NumberRecords(string file, string output, bool gb18030)
    {
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var writer = CreateOwnerOnly(output);
        var numberer = new RecordNumberer(writer);
        if (!(gb18030 ? TranscodeGb18030(input, numberer) : CopyUtf8(input, numberer))) return false;
        numberer.Finish();
        return true;
    }

    private static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    private static bool CopyUtf8(Stream input, RecordNumberer numberer)
    {
        var bytes = new byte[1 << 20];
        var carry = 0; // bytes of a character split across reads, kept for the next read
        var first = true;
        while (true)
        {
            var n = input.Read(bytes, carry, bytes.Length - carry);
            var end = carry + n;
            var start = first && end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0; // byte order mark
            var complete = n == 0 ? end : start + CompleteUtf8Length(bytes.AsSpan(start, end - start));
            if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start, complete - start))) return false;
            numberer.Write(bytes.AsSpan(start, complete - start));
            if (n == 0) return true;
            carry = end - complete;
            bytes.AsSpan(complete, carry).CopyTo(bytes);
            first = false;
        }
    }

    private static bool TranscodeGb18030(Stream input, RecordNumberer numberer)
    {
        var decoder = System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            .GetDecoder();
        var bytes = new byte[1 << 20];
        var chars = new char[bytes.Length + 4]; // at most one char per byte, plus a sequence left over from the last read
        var utf8 = new byte[chars.Length * 3];
        var first = true;
        try
        {
            while (true)
            {
                var n = input.Read(bytes);
                var count = decoder.GetChars(bytes, 0, n, chars, 0, flush: n == 0);
                var skip = first && count > 0 && chars[0] == '\uFEFF' ? 1 : 0; // byte order mark
                numberer.Write(utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(chars, skip, count - skip, utf8, 0)));
                if (n == 0) return true;
                first = false;
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The length of the prefix of <paramref name="span"/> that ends on a UTF-8 character boundary.</summary>
    private static int CompleteUtf8Length(ReadOnlySpan<byte> span)
    {
        for (var back = 1; back <= Math.Min(3, span.Length); back++)
        {
            var b = span[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: look further back for the lead
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? span.Length - back : span.Length;
        }
        return span.Length;
    }

    /// <summary>Prefixes each CSV record with its number, dropping blank lines but counting them. A line ends at
    /// LF, CRLF or a lone CR (files edited by hand and by Excel mix them); outside quotes each is written as LF,
    /// inside quotes the bytes are kept. Holds every record to <see cref="InputBounds"/> as it streams: its size, and
    /// for a record long enough to break one (rare: a data row is a few hundred bytes), its columns and cells.</summary>
    private sealed class RecordNumberer(Stream output)
    {
        private long _record = 1;
        private bool _atRecordStart = true;
        private bool _quoted;
        private bool _afterCr; // the last line end was a CR: an LF right after it is part of the same line end
        private long _recordBytes; // of the current record: DuckDB cannot say which row is too long, this can
        private readonly byte[] _number = new byte[24];
        // The current record's bytes from earlier reads, kept only when it spans reads; the rest is in the read itself.
        private readonly MemoryStream _earlier = new();

        /// <summary>Half of read_csv's max_line_size: a larger record is a broken file, set aside here with its
        /// row number (a spreadsheet cell holds at most 32,767 characters).</summary>
        public const int MaxRecordBytes = InputBounds.MaxRowBytes;

        /// <summary>A record this short can hold neither too many columns (one comma each) nor a too long cell
        /// (the column bound is the lower).</summary>
        private const int InspectAbove = InputBounds.MaxColumns - 1;

        private void Copy(ReadOnlySpan<byte> bytes)
        {
            output.Write(bytes);
            if ((_recordBytes += bytes.Length) > MaxRecordBytes)
                throw new FileSetAside(Messages.CsvRowTooLong(_record));
        }

        public void Write(ReadOnlySpan<byte> utf8)
        {
            var i = 0;
            var start = _atRecordStart ? -1 : 0; // where the current record starts in this read
            while (i < utf8.Length)
            {
                if (_atRecordStart)
                {
                    var c0 = utf8[i];
                    if (c0 == '\n') { if (!_afterCr) _record++; _afterCr = false; i++; continue; }
                    if (c0 == '\r') { _record++; _afterCr = true; i++; continue; }
                    _afterCr = false;
                    if (_record == 1) output.Write("row_no,"u8);
                    else
                    {
                        _record.TryFormat(_number, out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
                        _number[digits] = (byte)',';
                        output.Write(_number, 0, digits + 1);
                    }
                    _atRecordStart = false;
                    _recordBytes = 0;
                    start = i;
                }
                // Copy up to the next quote or line end in one write; only those change state.
                var j = utf8[i..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
                if (j < 0) { Copy(utf8[i..]); break; }
                var c = utf8[i + j];
                if (c == '\r' && !_quoted)
                {
                    Copy(utf8.Slice(i, j));
                    EndRecord(utf8[start..(i + j)]);
                    output.Write("\n"u8);
                    i += j + 1;
                    _record++;
                    _atRecordStart = true;
                    _afterCr = true;
                    continue;
                }
                Copy(utf8.Slice(i, j + 1));
                i += j + 1;
                if (c == '"') _quoted = !_quoted;
                else if (c == '\n' && !_quoted)
                {
                    EndRecord(utf8[start..(i - 1)]);
                    _record++;
                    _atRecordStart = true;
                }
            }
            if (!_atRecordStart) _earlier.Write(utf8[Math.Max(start, 0)..]); // at most the rest of one read, once per read
        }

        /// <summary>Checks the last record when the input ends without a line break.</summary>
        public void Finish()
        {
            if (!_atRecordStart) EndRecord([]);
        }

        /// <summary>Checks a record that ended (<paramref name="tail"/>: its bytes in the current read).</summary>
        private void EndRecord(ReadOnlySpan<byte> tail)
        {
            if (_recordBytes <= InspectAbove)
            {
                if (_earlier.Length > 0) _earlier.SetLength(0);
                return;
            }
            if (_earlier.Length == 0) { CheckFields(tail, _record); return; }
            _earlier.Write(tail);
            CheckFields(_earlier.GetBuffer().AsSpan(0, (int)_earlier.Length), _record);
            _earlier.SetLength(0);
        }

        /// <summary>Counts the record's columns and each cell's characters (a quoted cell's doubled quotes are one).</summary>
        private static void CheckFields(ReadOnlySpan<byte> record, long row)
        {
            var column = 0;
            var fieldStart = 0;
            var quotes = 0;
            var quoted = false;
            for (var k = 0; k <= record.Length; k++)
            {
                var b = k < record.Length ? record[k] : (byte)',';
                if (b == '"') { quoted = !quoted; quotes++; continue; }
                if (b != ',' || quoted && k < record.Length) continue;
                column++;
                if (column > InputBounds.MaxColumns) throw InputBounds.TooManyColumns(row, CountColumns(record));
                var field = record[fieldStart..k];
                if (field.Length > InputBounds.MaxCellChars)
                {
                    var chars = System.Text.Encoding.UTF8.GetCharCount(field) - quotes + Math.Max(0, quotes - 2) / 2;
                    if (chars > InputBounds.MaxCellChars) throw InputBounds.CellTooLong(row, column, chars);
                }
                fieldStart = k + 1;
                quotes = 0;
            }
        }

        private static long CountColumns(ReadOnlySpan<byte> record)
        {
            long columns = 1;
            var quoted = false;
            foreach (var b in record)
                if (b == '"') quoted = !quoted;
                else if (b == ',' && !quoted) columns++;
            return columns;
        }
    }
}
