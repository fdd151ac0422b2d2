namespace Oversight.Ingest;

/// <summary>How a file's header maps onto its feed's canonical columns.</summary>
public sealed class ColumnMap
{
    /// <summary>For each file column in order: the canonical name, or null when unknown.</summary>
    public IReadOnlyList<string?> FileColumns { get; }
    public IReadOnlyList<string> UnknownHeaders { get; }

    private ColumnMap(IReadOnlyList<string?> fileColumns, IReadOnlyList<string> unknown)
    {
        FileColumns = fileColumns;
        UnknownHeaders = unknown;
    }

    public static ColumnMap For(Feed feed, IReadOnlyList<string> header)
    {
        var columns = new List<string?>();
        var unknown = new List<string>();
        var seen = new HashSet<string>();
        foreach (var cell in header)
        {
            var column = feed.ColumnForHeader(cell);
            if (column is not null && seen.Add(column.Name)) columns.Add(column.Name);
            else
            {
                columns.Add(null);
                if (cell.Trim().Length > 0) unknown.Add(cell.Trim());
            }
        }
        var missing = feed.Columns.Where(c => c.Required && !seen.Contains(c.Name)).ToList();
        if (missing.Count > 0)
            throw new FileSetAside(
                $"缺少必填列：{string.Join("、", missing.Select(c => $"{c.ChineseHeader}（{c.Name}）"))}。" +
                $"“{feed.ChineseName}”表的表头可用英文列名或中文表头。");
        return new ColumnMap(columns, unknown);
    }
}
