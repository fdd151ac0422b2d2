using System.Text;
using Dapper;

namespace Oversight.Tests;

/// <summary>A night's inbox big enough to kill a load in the middle of (4 case files of 40,000 rows, one bad row: a few seconds a file, time enough to stop it between two),
/// and a snapshot of what a load leaves in the warehouse, for comparing a crashed-and-resumed run with a clean one.</summary>
public static class NightInbox
{
    public const int Files = 4;
    public const int RowsPerFile = 40_000;

    public static void Write(TestWarehouse w)
    {
        w.WriteReferenceFeeds();
        for (var f = 0; f < Files; f++)
        {
            var sb = new StringBuilder("case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,applicant_phone,updated_at\n");
            for (var i = 0; i < RowsPerFile; i++)
            {
                var n = f * RowsPerFile + i;
                sb.Append($"C{n:D8},511922001,W00{1 + n % 2},I05,承诺件,2026-03-{1 + n % 28:D2} 09:{n % 60:D2},");
                sb.Append(n % 3 == 0 ? "" : $"2026-04-{1 + n % 28:D2} 10:00");
                sb.Append(n % 3 == 0 ? ",办理中," : ",已办结,");
                sb.Append($"139{n:D8},2026-05-01 00:00\n");
            }
            if (f == 1) sb.Append("BAD1,511922001,W001,I05,承诺件,yesterday,,办理中,,\n");
            w.WriteCsv($"cases_{f}.csv", sb.ToString());
        }
    }

    public static string Snapshot(TestWarehouse w)
    {
        var parts = new[]
        {
            "SELECT * EXCLUDE (file_id, exported_at) FROM fct_case ORDER BY case_id", // exported_at: the files' modification times
            "SELECT * EXCLUDE (file_id) FROM dim_window ORDER BY window_code",
            "SELECT file_name, sha256, feed, rows_read, rows_loaded, rows_rejected, outcome FROM load_file ORDER BY file_name",
            "SELECT file_name, row_number, column_name, reason FROM load_reject ORDER BY file_name, row_number",
        };
        var sb = new StringBuilder();
        foreach (var sql in parts)
            foreach (IDictionary<string, object?> row in w.Connection.Query(sql))
                sb.AppendLine(string.Join('|', row.Values));
        return sb.ToString();
    }
}
