using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Reports.Issuing;

/// <summary>The settings a document was issued under, as JSON and its SHA-256, stored with the issue: the report
/// settings (or scoring rules) actually used, the metric and inspection settings in force (seed_*, the county's rows
/// over the shipped ones) and the county folder the warehouse was opened with: where it is and each of its files' SHA-256,
/// so a document can be traced to the exact files (templates included) it was made with.</summary>
public sealed record SettingsSnapshot(string Json, string Sha256)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static SettingsSnapshot Of(DuckDBConnection connection, Configuration.CountyFolder? county, string name, object used)
    {
        var metrics = connection.Query<(string Key, string Value)>("SELECT key, value::VARCHAR FROM seed_metric_settings ORDER BY key")
            .ToDictionary(s => s.Key, s => s.Value);
        var inspection = connection.Query<(string Key, string Value)>("SELECT key, value::VARCHAR FROM seed_inspection_settings ORDER BY key")
            .ToDictionary(s => s.Key, s => s.Value);
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [name] = used, ["metric_settings"] = metrics, ["inspection_settings"] = inspection,
            ["county_folder"] = new Dictionary<string, object?> { ["path"] = county?.Root, ["files"] = county?.Fingerprint() },
        }, Options);
        return new SettingsSnapshot(json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }
}
