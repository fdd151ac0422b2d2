using Dapper;
using Oversight.Ingest;

namespace Oversight.Tests.SqlCases;

/// <summary>Runs every SqlCases/*.test file (<see cref="SqlCaseFile"/>) on a fresh warehouse: feeds go through the real
/// ingest, so a case reads like the data a county sends and the SQL that answers it.</summary>
public class SqlCaseTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(SqlCaseFile.Folder, "*.test").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Case(string file)
    {
        var cases = SqlCaseFile.Load(file);
        using var w = new TestWarehouse();
        var unloaded = false;
        var failures = new List<string>();
        foreach (var block in cases.Blocks)
        {
            if (block is SqlCaseFile.Feed feed)
            {
                w.WriteCsv(feed.FileName, feed.Csv);
                unloaded = true;
                continue;
            }
            if (unloaded) Load(w, file);
            unloaded = false;
            switch (block)
            {
                case SqlCaseFile.Statement s:
                    w.Connection.Execute(s.Sql);
                    break;
                case SqlCaseFile.Query q:
                    var actual = SqlCaseFile.Rows(w.Connection, q.Sql);
                    var expected = q.Expected;
                    if (q.RowSort) (actual, expected) = (actual.Order(StringComparer.Ordinal).ToList(), expected.Order(StringComparer.Ordinal).ToList());
                    if (!actual.SequenceEqual(expected))
                        failures.Add($"{file}:{q.Line}: the query\n{Indent(q.Sql)}\n returned (+) other rows than expected (-):\n{SqlCaseFile.Diff(expected, actual)}");
                    break;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A case's feeds are its input: a rejected row or a set-aside file would make the case check something else.</summary>
    private static void Load(TestWarehouse w, string file)
    {
        var report = w.Ingest();
        var bad = report.Files.Where(f => f.Outcome != Outcomes.Loaded || f.RowsRejected > 0)
            .Select(f => $"{f.FileName}: {f.Outcome} {f.Reason} ({f.RowsRejected} rows rejected)").ToList();
        if (bad.Count > 0) bad.AddRange(w.Query<string>("SELECT reason FROM load_reject LIMIT 5"));
        Assert.True(bad.Count == 0, $"{file}: feeds did not load cleanly:\n" + string.Join("\n", bad));
    }

    private static string Indent(string sql) => string.Join('\n', sql.Split('\n').Select(l => "    " + l));
}
