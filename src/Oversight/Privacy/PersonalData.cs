using System.Security.Cryptography;
using System.Text;
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
    /// Makes <c>pii_hash(VARCHAR)</c> available to the loader SQL on this connection. It is a function of this
    /// connection only, so the key stays in this process and never reaches the database file. DuckDB calls it on
    /// its worker threads, a vector at a time. Two columns of 1M cases take about 0.6 s this way; the same HMAC
    /// written in SQL over DuckDB's sha256 (a software SHA-256, two more blocks a value) took 1.3–1.9 s.
    /// </summary>
    public void Register(DuckDBConnection connection)
    {
        var hasher = new KeyedHash(key);
#pragma warning disable DuckDBNET001 // scalar functions are marked experimental in DuckDB.NET 1.5
        connection.RegisterScalarFunction<string, string>(SqlFunction, (readers, writer, rows) =>
        {
            Span<byte> mac = stackalloc byte[32];
            Span<byte> utf8 = stackalloc byte[3 * 128];
            var values = readers[0];
            for (ulong row = 0; row < rows; row++)
            {
                if (!values.IsValid(row))
                {
                    writer.WriteNull(row);
                    continue;
                }
                var value = values.GetValue<string>(row);
                hasher.Hash(value.Length <= 128 ? utf8[..Encoding.UTF8.GetBytes(value, utf8)] : Encoding.UTF8.GetBytes(value), mac);
                writer.WriteValue(Convert.ToHexStringLower(mac), row);
            }
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);
#pragma warning restore DuckDBNET001
    }
}
