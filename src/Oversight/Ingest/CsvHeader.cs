using System.Text;

namespace Oversight.Ingest;

/// <summary>Reads the first records of a decoded UTF-8 CSV (RFC 4180 quoting), where the header may sit below
/// title rows, and cleans header names.</summary>
public static class CsvHeader
{
    /// <summary>One record: its fields.</summary>
    public sealed record Record(IReadOnlyList<string> Fields);

    /// <summary>Up to <paramref name="max"/> records from the start of the file (at least one, possibly empty).</summary>
    public static IReadOnlyList<Record> ReadRecords(string path, int max)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while (records.Count < max && (c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (ch is '\n' or '\r')
            {
                // CRLF, LF and a lone CR are each one line break, inside quotes too.
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                if (quoted) { field.Append('\n'); continue; }
                fields.Add(field.ToString());
                field.Clear();
                records.Add(new Record(fields));
                fields = [];
                continue;
            }
            if (quoted)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        if (records.Count < max && (fields.Count > 0 || field.Length > 0 || records.Count == 0))
        {
            fields.Add(field.ToString());
            records.Add(new Record(fields));
        }
        return records;
    }

    /// <summary>A header name as typed, without what cannot be seen: zero-width characters (U+200B–U+200D, U+2060),
    /// byte order marks anywhere (U+FEFF), and surrounding spaces of any width (NBSP, U+3000). Full-width letters
    /// and digits are read as ASCII (NFKC).</summary>
    public static string Clean(string header)
    {
        var text = header;
        if (text.AsSpan().IndexOfAny("\u200B\u200C\u200D\u2060\uFEFF") >= 0)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var ch in text)
                if (ch is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')) sb.Append(ch);
            text = sb.ToString();
        }
        if (!Ascii.IsValid(text)) text = text.Normalize(NormalizationForm.FormKC); // NBSP, U+3000 → space
        return text.Trim();
    }
}
