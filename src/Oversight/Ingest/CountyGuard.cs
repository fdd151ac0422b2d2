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
            throw new FileSetAside(Messages.SeveralCounties(file.Select(Name).ToList()));
        var other = file.Except(warehouse).ToList();
        if (warehouse.Count == 0 || other.Count == 0) return;
        throw new FileSetAside(Messages.OtherCounty(Name(other[0]), warehouse.Select(Name)));
    }

    /// <summary>Run after a file whose rows name a center is staged: when none of its centers is the warehouse's and their
    /// codes (township codes of GB/T 2260, whose first six digits are the county) all belong to other counties, the
    /// file is another county's export and is set aside whole, naming that county. A file that mixes the warehouse's
    /// centers with unknown codes is checked row by row (its unknown rows wait for the centers feed).</summary>
    public static void CheckFacts(DuckDBConnection connection)
    {
        var warehouse = connection.Query<string>("SELECT DISTINCT county_code FROM dim_center ORDER BY 1").ToList();
        if (warehouse.Count == 0) return;
        var (known, unknown) = connection.QuerySingle<(long, long)>("""
            SELECT count(*) FILTER (WHERE d.center_code IS NOT NULL), count(*) FILTER (WHERE d.center_code IS NULL)
            FROM typed AS t LEFT JOIN dim_center AS d ON d.center_code = t.center_code
            WHERE t.center_code IS NOT NULL
            """);
        if (known > 0 || unknown == 0) return;
        var counties = connection.Query<string>("""
            SELECT DISTINCT CASE WHEN regexp_full_match(center_code, '[0-9]{9}([0-9]{3})?') THEN left(center_code, 6) END
            FROM typed WHERE center_code IS NOT NULL ORDER BY 1
            """).ToList();
        if (counties.Any(c => c is null || warehouse.Contains(c))) return;
        throw new FileSetAside(Messages.NoCenterOfThisCounty(counties.Select(Name), warehouse.Select(Name)));
    }

    private static string Name(string code) => CountyDivisions.Name(code) is { } name ? Messages.CountyLabel(name, code) : Messages.UnknownCounty(code);
}
