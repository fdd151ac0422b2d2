using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Reports.Issuing;

/// <summary>The settings a document was issued under, as JSON and its SHA-256, stored with the issue: the report
/// settings (or scoring rules) actually used, and the metric settings (seed_metric_settings) every figure reads.</summary>
public sealed record SettingsSnapshot(string Json, string Sha256)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static SettingsSnapshot Of(DuckDBConnection connection, string name, object used)
    {
        var metrics = connection.Query<(string Key, string Value)>("SELECT key, value::VARCHAR FROM seed_metric_settings ORDER BY key")
            .ToDictionary(s => s.Key, s => s.Value);
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { [name] = used, ["metric_settings"] = metrics }, Options);
        return new SettingsSnapshot(json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }
}
