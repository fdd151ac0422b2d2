using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Privacy;

/// <summary>Which key a warehouse's hashes were made with: HMAC-SHA256 of a fixed label under the key, stored in
/// <c>warehouse_key</c>. It identifies the key without revealing it (the HMAC cannot be inverted, and the label is no
/// personal value, so it links nothing). Recorded by <c>init</c>, or by the first command that hashes on a warehouse
/// built before fingerprints existed; every command that hashes then refuses a different key.</summary>
public static class KeyFingerprint
{
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("oversight/warehouse-key-fingerprint/v1");

    public static string Of(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Label));

    /// <summary>The fingerprint the warehouse recorded, or null (none yet, or a schema before V080).</summary>
    public static string? Recorded(DuckDBConnection connection) =>
        Database.HasTable(connection, "warehouse_key")
            ? connection.ExecuteScalar<string?>("SELECT fingerprint FROM warehouse_key ORDER BY recorded_at LIMIT 1")
            : null;

    /// <summary>Refuses a key other than the warehouse's; records this one where none is recorded and the
    /// connection can write.</summary>
    public static void Check(DuckDBConnection connection, byte[] key, string? keyPath = null)
    {
        var fingerprint = Of(key);
        var recorded = Recorded(connection);
        if (recorded is null)
        {
            if (Database.HasTable(connection, "warehouse_key") && !Database.IsReadOnly(connection))
                connection.Execute("INSERT INTO warehouse_key (fingerprint, recorded_at) VALUES ($f, now()::TIMESTAMP)", new { f = fingerprint });
            return;
        }
        if (recorded == fingerprint) return;
        throw new WarehouseException(Messages.WrongKey(keyPath, recorded[..12], fingerprint[..12]));
    }
}
