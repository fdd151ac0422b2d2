using System.IO.Compression;

namespace Oversight.Ingest;

/// <summary>Streams an .xlsx workbook's shared strings and worksheets before the Excel reader sees them, holding them
/// to <see cref="InputBounds"/>: the reader keeps every shared string, and each cell's text, whole in memory, so a
/// 1 MB zip holding a 1 GB cell would take gigabytes and minutes. The scan reads bytes, never builds a string, and
/// stops at the first bound broken, naming the row and column.</summary>
public static class XlsxGuard
{
    /// <summary>A workbook has a dozen parts; many thousands is not a workbook.</summary>
    private const int MaxEntries = 10_000;

    public static void Check(string workbook)
    {
        try
        {
            Scan(workbook);
        }
        catch (InvalidDataException)
        {
            throw new FileSetAside(Messages.ExcelCorrupt);
        }
    }

    private static void Scan(string workbook)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(workbook);
        }
        catch (InvalidDataException)
        {
            return; // not a readable zip: the Excel reader says so in its own words
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
                throw new FileSetAside(Messages.ExcelTooManyParts(zip.Entries.Count));
            var shared = zip.Entries.FirstOrDefault(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
            long? oversized = null;
            if (shared is not null)
            {
                using var stream = shared.Open();
                var scan = new PartScan(sheet: false, oversizedString: null);
                scan.Run(stream);
                oversized = scan.OversizedString;
            }
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) &&
                                                         e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = sheet.Open();
                new PartScan(sheet: true, oversized).Run(stream);
            }
            if (oversized is { } k)
                throw new FileSetAside(Messages.ExcelSharedStringTooLong(k + 1, InputBounds.MaxCellChars));
        }
    }

    /// <summary>One pass over a part's XML bytes: tags are found by '&lt;' and '&gt;' (neither appears raw in text or
    /// attribute values), text is only counted.</summary>
    private sealed class PartScan(bool sheet, long? oversizedString)
    {
        private const int TagLimit = 1 << 16;
        private readonly byte[] _buffer = new byte[TagLimit * 2];
        private long _offset; // of _buffer[0] in the decompressed part

        // Worksheet: the row and column being read, where they started, and a shared-string index being parsed.
        private long _row, _column, _rowStart = -1, _cellStart = -1;
        private bool _cellShared, _inValue;
        private long _value;

        // Shared strings: the item being read and where it started.
        private long _item = -1, _itemStart = -1;
        public long? OversizedString { get; private set; }

        public void Run(Stream input)
        {
            int length = 0, pos = 0;
            while (true)
            {
                var lt = _buffer.AsSpan(pos, length - pos).IndexOf((byte)'<');
                var textEnd = lt < 0 ? length : pos + lt;
                Text(_buffer.AsSpan(pos, textEnd - pos));
                pos = textEnd;
                if (lt >= 0)
                {
                    var gt = _buffer.AsSpan(pos, length - pos).IndexOf((byte)'>');
                    if (gt >= 0)
                    {
                        if (!Tag(_buffer.AsSpan(pos + 1, gt - 1), _offset + pos)) return;
                        pos += gt + 1;
                        continue;
                    }
                    if (length - pos >= TagLimit)
                        throw new FileSetAside(Messages.ExcelTagTooLong(sheet && _row > 0 ? _row : null));
                }
                // Everything before pos is handled: the open cell and row have reached it. Keep an unfinished tag, read on.
                Bounds(_offset + pos);
                if (OversizedString is not null) return;
                _buffer.AsSpan(pos, length - pos).CopyTo(_buffer);
                _offset += pos;
                length -= pos;
                pos = 0;
                var n = input.Read(_buffer, length, _buffer.Length - length);
                if (n == 0) return;
                length += n;
                Total(_offset + length);
            }
        }

        /// <summary>The decompressed size read so far.</summary>
        private void Total(long read)
        {
            if (sheet && read > InputBounds.MaxSheetBytes)
                throw new FileSetAside(Messages.ExcelSheetTooBig(InputBounds.MaxSheetBytes >> 30, _row));
            if (!sheet && read > InputBounds.MaxSharedStringsBytes)
                throw new FileSetAside(Messages.ExcelSharedStringsTooBig(InputBounds.MaxSharedStringsBytes >> 20));
        }

        /// <summary>The open cell's, row's or shared string's size once the scan has reached a position.</summary>
        private void Bounds(long at)
        {
            if (sheet)
            {
                if (_cellStart >= 0 && at - _cellStart > InputBounds.MaxCellXmlBytes)
                    throw InputBounds.CellTooLong(_row, _column, null);
                if (_rowStart >= 0 && at - _rowStart > InputBounds.MaxRowBytes) throw InputBounds.RowTooLong(_row, _column);
            }
            else
            {
                if (_itemStart >= 0 && at - _itemStart > InputBounds.MaxCellXmlBytes) OversizedString ??= _item;
            }
        }

        private void Text(ReadOnlySpan<byte> text)
        {
            if (!_inValue) return;
            foreach (var b in text)
            {
                if (b is >= (byte)'0' and <= (byte)'9' && _value < long.MaxValue / 10) _value = _value * 10 + (b - '0');
                else if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) _value = -1;
                if (_value < 0) { _inValue = false; return; }
            }
        }

        /// <summary>Handles one tag (without its brackets); false when the scan can stop.</summary>
        private bool Tag(ReadOnlySpan<byte> tag, long at)
        {
            Bounds(at);
            var end = tag.Length > 0 && tag[0] == '/';
            var name = tag[(end ? 1 : 0)..];
            var nameEnd = name.IndexOfAny((byte)' ', (byte)'/', (byte)'\t');
            var local = nameEnd < 0 ? name : name[..nameEnd];
            if (local.IndexOf((byte)':') is var colon and >= 0) local = local[(colon + 1)..];
            var selfClosing = tag.Length > 0 && tag[^1] == '/';
            if (!sheet)
            {
                if (local.SequenceEqual("si"u8))
                {
                    if (end) _itemStart = -1;
                    else { _item++; _itemStart = at; }
                }
                // Past the first oversized item nothing more is needed: the sheet scan finds the cell that shows it.
                return OversizedString is null;
            }
            if (local.SequenceEqual("row"u8))
            {
                if (end || selfClosing) { _rowStart = -1; return true; }
                _row = Attribute(name, "r"u8, out var r) && long.TryParse(r, out var n) ? n : _row + 1;
                _column = 0;
                _rowStart = at;
            }
            else if (local.SequenceEqual("c"u8))
            {
                if (end) { _cellStart = -1; _cellShared = false; return true; }
                _column = Attribute(name, "r"u8, out var r) && ColumnOf(r) is > 0 and var c ? c : _column + 1;
                if (selfClosing) return true; // an empty cell, however far right
                if (_column > InputBounds.MaxColumns) throw InputBounds.CellBeyondColumns(_row, _column);
                _cellStart = at;
                _cellShared = Attribute(name, "t"u8, out var t) && t.SequenceEqual("s"u8);
            }
            else if (local.SequenceEqual("v"u8) && _cellShared && oversizedString is not null)
            {
                if (!end) { _inValue = true; _value = 0; }
                else
                {
                    if (_inValue && _value == oversizedString) throw InputBounds.CellTooLong(_row, _column, null);
                    _inValue = false;
                }
            }
            return true;
        }

        /// <summary>An attribute's value, if the tag has it.</summary>
        private static bool Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
        {
            value = default;
            for (var i = tag.IndexOf(name); i >= 0; )
            {
                var after = i + name.Length;
                if (i > 0 && tag[i - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' && after + 1 < tag.Length &&
                    tag[after] == '=' && tag[after + 1] is (byte)'"' or (byte)'\'')
                {
                    var quote = tag[after + 1];
                    var close = tag[(after + 2)..].IndexOf(quote);
                    if (close < 0) return false;
                    value = tag.Slice(after + 2, close);
                    return true;
                }
                var next = tag[(i + 1)..].IndexOf(name);
                i = next < 0 ? -1 : i + 1 + next;
            }
            return false;
        }

        /// <summary>The column number of a cell reference such as "XFD1" (A = 1), or 0.</summary>
        private static long ColumnOf(ReadOnlySpan<byte> reference)
        {
            long column = 0;
            foreach (var b in reference)
            {
                if (b is >= (byte)'A' and <= (byte)'Z' && column < int.MaxValue) column = column * 26 + (b - 'A' + 1);
                else break;
            }
            return column;
        }
    }
}
