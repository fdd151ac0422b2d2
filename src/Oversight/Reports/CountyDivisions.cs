using Oversight.Warehouse;

namespace Oversight.Reports;

/// <summary>County-level division names by GB/T 2260 code, from the shipped seed sql/seeds/cn_county_divisions.csv
/// (also loaded into the warehouse as seed_cn_county_divisions).</summary>
public static class CountyDivisions
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(Load);

    public static string? Name(string countyCode) => Names.Value.GetValueOrDefault(countyCode.Trim());

    private static IReadOnlyDictionary<string, string> Load()
    {
        var path = Path.Combine(SqlFiles.Root, "seeds", "cn_county_divisions.csv");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return names;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 2 && f[0].Length > 0) names[f[0]] = f[1];
        }
        return names;
    }
}
