namespace Oversight.Feeds;

/// <summary>RFC 4180 field quoting, shared by everything that writes CSV.</summary>
public static class CsvText
{
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
