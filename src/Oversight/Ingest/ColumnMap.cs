namespace Oversight.Ingest;

/// <summary>How a file's header maps onto its feed's canonical columns, and where the header is.</summary>
public sealed class ColumnMap
{
    /// <summary>Title rows may sit above the header: it is looked for within this many rows.</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>For each file column in order: the canonical name, or null when unknown.</summary>
    public IReadOnlyList<string?> FileColumns { get; }
    /// <summary>For each file column: the profile's value map (code → contract value), or null.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>?> ValueMaps { get; }
    public IReadOnlyList<string> UnknownHeaders { get; }
    /// <summary>For each file column: its header cell as the sender wrote it.</summary>
    public IReadOnlyList<string> SourceHeaders { get; private init; } = [];
    /// <summary>Records before the header in the decoded file: read_csv's <c>skip</c>, which counts records, not lines
    /// (a quoted cell over two lines is one).</summary>
    public int SkipRecords { get; private init; }
    /// <summary>What the load report says about this file's header: (kind, message), e.g. skipped title rows.</summary>
    public IReadOnlyList<(string Kind, string Message)> Notes { get; private init; } = [];

    private ColumnMap(IReadOnlyList<string?> fileColumns, IReadOnlyList<IReadOnlyDictionary<string, string>?> valueMaps,
        IReadOnlyList<string> unknown)
    {
        FileColumns = fileColumns;
        ValueMaps = valueMaps;
        UnknownHeaders = unknown;
    }

    /// <summary>Finds the header in a decoded file (leading row_no column): the first of its first
    /// <see cref="HeaderSearchRows"/> rows that carries every required column. Rows above it are title rows, reported.</summary>
    public static ColumnMap Find(Feed feed, string decodedCsv, IReadOnlyList<HeaderProfile> profiles,
        IReadOnlyList<CellIssue>? cellIssues = null)
    {
        var records = CsvHeader.ReadRecords(decodedCsv, HeaderSearchRows);
        Matched? best = null;
        for (var i = 0; i < records.Count; i++)
        {
            var m = Match(feed, records[i].Fields.Skip(1).ToList(), profiles);
            if (m.Missing.Count == 0)
            {
                if (m.Duplicate is { } d) throw d;
                var headerBytes = records[i].Fields.Skip(1).Sum(f => System.Text.Encoding.UTF8.GetByteCount(f) + 1) - 1;
                if (headerBytes > InputBounds.MaxHeaderBytes)
                    throw InputBounds.HeaderTooLong(long.Parse(RowNumber(records[i]), System.Globalization.CultureInfo.InvariantCulture), headerBytes);
                var notes = new List<(string, string)>();
                if (i > 0)
                {
                    var titles = records.Take(i)
                        .Select(r => (Row: RowNumber(r), Text: string.Join(" ", r.Fields.Skip(1).Select(f => f.Trim()).Where(f => f.Length > 0))))
                        .Where(t => t.Text.Length > 0)
                        .Select(t => Messages.TitleRow(t.Row, t.Text));
                    notes.Add(("title_rows", Messages.TitleRowsSkipped(RowNumber(records[i]), titles)));
                }
                notes.AddRange(CellNotes(feed, m.Map, cellIssues));
                return new ColumnMap(m.Map.FileColumns, m.Map.ValueMaps, m.Map.UnknownHeaders)
                {
                    SkipRecords = i, Notes = notes, SourceHeaders = records[i].Fields.Skip(1).Select(f => f.Trim()).ToList(),
                };
            }
            if (best is null || m.Known > best.Known) best = m;
        }
        throw MissingColumns(feed, best!.Missing);
    }

    private static IEnumerable<(string, string)> CellNotes(Feed feed, ColumnMap map, IReadOnlyList<CellIssue>? issues)
    {
        foreach (var issue in issues ?? [])
        {
            if (issue.Column >= map.FileColumns.Count || map.FileColumns[issue.Column] is not { } name) continue;
            var column = feed.Columns.First(c => c.Name == name);
            if (!column.IsCode) continue;
            yield return ("numeric_cells", Messages.NumericCodeCells(column.ChineseHeader, column.Name, issue.Row, issue.Problem));
        }
    }

    private static string RowNumber(CsvHeader.Record r) => r.Fields[0] == "row_no" ? "1" : r.Fields[0];

    private sealed record Matched(ColumnMap Map, List<FeedColumn> Missing, int Known, FileSetAside? Duplicate);

    private static Matched Match(Feed feed, IReadOnlyList<string> header, IReadOnlyList<HeaderProfile> profiles)
    {
        var columns = new List<string?>();
        var valueMaps = new List<IReadOnlyDictionary<string, string>?>();
        var unknown = new List<string>();
        var seen = new Dictionary<string, int>();
        FileSetAside? duplicate = null;
        for (var i = 0; i < header.Count; i++)
        {
            var cell = CsvHeader.Clean(header[i]);
            var column = feed.ColumnForHeader(cell)?.Name;
            IReadOnlyDictionary<string, string>? values = null;
            if (column is null)
                foreach (var profile in profiles)
                {
                    if (profile.ColumnFor(feed, cell) is not { } mapped) continue;
                    column = mapped;
                    values = profile.ValuesFor(feed, mapped);
                    break;
                }
            if (column is null)
            {
                columns.Add(null);
                valueMaps.Add(null);
                if (cell.Length > 0) unknown.Add(cell);
                continue;
            }
            if (seen.TryGetValue(column, out var first))
            {
                var c = feed.Columns.First(x => x.Name == column);
                duplicate ??= new FileSetAside(Messages.ColumnTwice(c.ChineseHeader, c.Name, first + 1, CsvHeader.Clean(header[first]), i + 1, cell));
                columns.Add(null);
                valueMaps.Add(null);
                continue;
            }
            seen[column] = i;
            columns.Add(column);
            valueMaps.Add(values);
        }
        var missing = feed.Columns.Where(c => c.Required && !seen.ContainsKey(c.Name)).ToList();
        return new Matched(new ColumnMap(columns, valueMaps, unknown), missing, seen.Count, duplicate);
    }

    private static FileSetAside MissingColumns(Feed feed, List<FeedColumn> missing) =>
        new(Messages.MissingColumns(missing.Select(c => Messages.ColumnLabel(c.ChineseHeader, c.Name)), feed.ChineseName, HeaderSearchRows));
}

/// <summary>A column of a workbook whose numeric cells could not be given the text the sheet shows.</summary>
public sealed record CellIssue(int Column, long Row, string Problem);
