using System.Data;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Oversight.Tests.SqlCases;

/// <summary>One case file under SqlCases/, in the spirit of DuckDB's sqllogictest: blocks separated by blank lines.
/// <code>
/// # a comment
/// feed cases.csv          -- the CSV lines that follow go to the inbox; loaded before the next statement or query
/// statement ok            -- SQL that must run (e.g. an UPDATE of a seed)
/// query [rowsort]         -- SQL, then ----, then the expected rows, cells separated by |
/// </code>
/// Cells print as NULL, integers, decimals rounded to 6 places (trailing zeros dropped), true/false, dates as
/// yyyy-MM-dd and timestamps as yyyy-MM-dd HH:mm:ss.</summary>
public sealed class SqlCaseFile
{
    public abstract record Block(int Line);
    public sealed record Feed(int Line, string FileName, string Csv) : Block(Line);
    public sealed record Statement(int Line, string Sql) : Block(Line);
    public sealed record Query(int Line, string Sql, bool RowSort, IReadOnlyList<string> Expected) : Block(Line);

    public string Name { get; }
    public IReadOnlyList<Block> Blocks { get; }

    private SqlCaseFile(string name, IReadOnlyList<Block> blocks) => (Name, Blocks) = (name, blocks);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "SqlCases");

    public static SqlCaseFile Load(string name) => Parse(name, File.ReadAllLines(Path.Combine(Folder, name)));

    public static SqlCaseFile Parse(string name, IReadOnlyList<string> lines)
    {
        var blocks = new List<Block>();
        var i = 0;
        while (i < lines.Count)
        {
            var head = lines[i].Trim();
            if (head.Length == 0 || head.StartsWith('#')) { i++; continue; }
            var start = i + 1; // 1-based line of the block's head
            var body = new List<string>();
            for (i++; i < lines.Count && lines[i].Trim().Length > 0; i++)
                if (!lines[i].TrimStart().StartsWith('#')) body.Add(lines[i].Trim());
            var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            blocks.Add(words[0] switch
            {
                "feed" when words.Length == 2 => new Feed(start, words[1], string.Join('\n', body) + "\n"),
                "statement" when words is [_, "ok"] => new Statement(start, string.Join('\n', body)),
                "query" => ParseQuery(name, start, words, body),
                _ => throw new FormatException($"{name}:{start}: unknown block '{head}' (feed FILE | statement ok | query [rowsort])"),
            });
        }
        return new SqlCaseFile(name, blocks);
    }

    private static Query ParseQuery(string name, int line, string[] words, List<string> body)
    {
        var rule = body.IndexOf("----");
        if (rule < 0) throw new FormatException($"{name}:{line}: query without ---- before its expected rows");
        var rowSort = words.Skip(1).ToList() switch
        {
            [] => false,
            ["rowsort"] => true,
            var other => throw new FormatException($"{name}:{line}: unknown query option '{string.Join(' ', other)}'"),
        };
        return new Query(line, string.Join('\n', body.Take(rule)), rowSort,
            body.Skip(rule + 1).Select(Normalize).ToList());
    }

    /// <summary>Cells trimmed and joined by " | ", so spacing in the file is free.</summary>
    private static string Normalize(string row) => string.Join(" | ", row.Split('|').Select(c => c.Trim()));

    public static List<string> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(c => Cell(reader, c))));
        return rows;
    }

    private static string Cell(IDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return "NULL";
        return reader.GetValue(column) switch
        {
            double d => Decimal6(d),
            float f => Decimal6(f),
            decimal m => Decimal6((double)m),
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t when reader.GetDataTypeName(column).Equals("Date", StringComparison.OrdinalIgnoreCase) =>
                t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            string s when s.Length == 0 => "(empty)",
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }

    private static string Decimal6(double d)
    {
        var text = Math.Round(d, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Expected and actual rows, side by side, marked where they differ.</summary>
    public static string Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var text = new StringBuilder();
        for (var r = 0; r < Math.Max(expected.Count, actual.Count); r++)
        {
            var e = r < expected.Count ? expected[r] : null;
            var a = r < actual.Count ? actual[r] : null;
            if (e == a) text.AppendLine($"    {e}");
            else
            {
                if (e is not null) text.AppendLine($"  - {e}");
                if (a is not null) text.AppendLine($"  + {a}");
            }
        }
        return text.ToString();
    }
}
