using System.Text;

namespace Oversight.Tests;

/// <summary>The smallest county with a briefing to render: one center, window and item, one case in March 2026,
/// initialised and loaded through the real program into <c>w.duckdb</c> of the given folder.</summary>
public static class OneMarchWarehouse
{
    /// <summary>Builds it in <paramref name="dir"/>, with <paramref name="moreCases"/> (rows of cases.csv at the same
    /// center, window and item) beside the March case; returns the database path.</summary>
    public static string Build(TempDir dir, params string[] moreCases)
    {
        var db = dir.File("w.duckdb");
        Assert.Equal(0, CliProcess.Run(["init", "--db", db]).ExitCode);
        var inbox = dir.File("inbox");
        Directory.CreateDirectory(inbox);
        void Write(string name, params string[] lines) =>
            File.WriteAllText(Path.Combine(inbox, name), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        Write("centers.csv", "center_code,center_name,county_code,kind,population", "511922001,集州街道,511922,街道,52000");
        Write("windows.csv", "window_code,center_code,window_name,category", "W001,511922001,综合窗口,综合");
        Write("items.csv", "item_code,item_name,item_kind,promised_days", "I05,低保申请,行政给付,5");
        Write("cases.csv", ["case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status",
            "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,2026-03-03 10:00,已办结", .. moreCases]);
        var ingest = CliProcess.Run(["ingest", "--db", db, "--inbox", inbox, "--settle-seconds", "0"]);
        Assert.True(ingest.ExitCode == 0, ingest.StdOut + ingest.StdErr);
        return db;
    }
}
