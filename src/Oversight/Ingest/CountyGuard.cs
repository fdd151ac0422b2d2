using Dapper;
using DuckDB.NET.Data;
using Oversight.Reports;

namespace Oversight.Ingest;

/// <summary>One county per warehouse: a centers file naming another county than the warehouse's (or several) is set
/// aside whole, so a county's data never loads beside the demo's or a neighbour's and is briefed under their name.</summary>
public static class CountyGuard
{
    /// <summary>Run after the centers file is staged (temp table typed), before anything of it is applied.</summary>
    public static void Check(DuckDBConnection connection)
    {
        var warehouse = connection.Query<string>("SELECT DISTINCT county_code FROM dim_center ORDER BY 1").ToList();
        var file = connection.Query<string>("SELECT DISTINCT county_code FROM typed WHERE problem IS NULL ORDER BY 1").ToList();
        if (file.Count > 1)
            throw new FileSetAside($"文件中的中心属于 {file.Count} 个县（区）：{string.Join("、", file.Select(Name))}。一个数据库只存一个县（区）的数据，" +
                                   "请按县（区）分开报送，各用自己的数据库（--db）导入。");
        var other = file.Except(warehouse).ToList();
        if (warehouse.Count == 0 || other.Count == 0) return;
        throw new FileSetAside($"文件中的中心属于{Name(other[0])}，而本数据库是{string.Join("、", warehouse.Select(Name))}的。" +
                               "一个数据库只存一个县（区）的数据（演示数据也单独存放在 ./demo/oversight.duckdb）；" +
                               "请用另一个数据库导入该县的数据，例如 oversight init --db ./本县/oversight.duckdb，再 ingest --db ./本县/oversight.duckdb。");
    }

    private static string Name(string code) => CountyDivisions.Name(code) is { } name ? $"{name}（县区编码 {code}）" : $"县区编码 {code} 的县（区）";
}
