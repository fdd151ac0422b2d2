using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Privacy;

/// <summary>Keyed hashing of ID and phone numbers (HMAC-SHA256, lowercase hex) so records link without the
/// number ever being stored. Values are normalised in SQL (norm_id_number / norm_phone) before hashing.</summary>
public sealed class PersonalData(byte[] key)
{
    public const string SqlFunction = "pii_hash";

    public string Hash(string normalisedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalisedValue)));

    /// <summary>
    /// Makes <c>pii_hash(VARCHAR)</c> available to the loader SQL on this connection, as a TEMP macro
    /// (session-only, never written to the database file) computing RFC 2104 HMAC with DuckDB's own
    /// sha256: set-based on all cores, and no managed callback inside DuckDB's worker threads.
    /// </summary>
    public void Register(DuckDBConnection connection)
    {
        var block = new byte[64];
        (key.Length > 64 ? SHA256.HashData(key) : key).CopyTo(block, 0);
        var inner = Convert.ToHexString(block.Select(b => (byte)(b ^ 0x36)).ToArray());
        var outer = Convert.ToHexString(block.Select(b => (byte)(b ^ 0x5c)).ToArray());
        connection.Execute(
            $"CREATE OR REPLACE TEMP MACRO {SqlFunction}(v) AS CASE WHEN v IS NULL THEN NULL ELSE " +
            $"sha256(unhex('{outer}') || unhex(sha256(unhex('{inner}') || encode(v)))) END");
    }
}
