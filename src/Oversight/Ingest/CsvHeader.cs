using System.Text;

namespace Oversight.Ingest;

/// <summary>Reads the header record of a UTF-8 CSV (RFC 4180 quoting).</summary>
public static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch is '\n' or '\r') break;
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
