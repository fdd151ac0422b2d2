using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace Oversight.Privacy;

/// <summary>Keyed hashing of ID and phone numbers (HMAC-SHA256) so records link without the number ever being
/// stored. Values are normalised in SQL (norm_id_number / norm_phone) before hashing. The warehouse stores the
/// 32 bytes; the api views and <see cref="Hash"/> show them as lowercase hex.</summary>
public sealed class PersonalData(byte[] key)
{
    public const string SqlFunction = "pii_hash";

    public string Hash(string normalisedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalisedValue)));

    /// <summary>
    /// Makes <c>pii_hash(VARCHAR) → BLOB</c> available to the loader SQL on this connection. It is a function of
    /// this connection only, so the key stays in this process and never reaches the database file. DuckDB calls it
    /// on its worker threads, a vector at a time; it reads each value's UTF-8 bytes where DuckDB holds them and
    /// writes the digest straight into the result (<see cref="StringVectors"/>): no strings are made on the way.
    /// First the key is checked against the warehouse's fingerprint, so no command can hash with a foreign key.
    /// </summary>
    public void Register(DuckDBConnection connection)
    {
        KeyFingerprint.Check(connection, key);
        var hasher = new KeyedHash(key);
#pragma warning disable DuckDBNET001 // scalar functions are marked experimental in DuckDB.NET 1.5
        connection.RegisterScalarFunction<string, byte[]>(SqlFunction, (readers, writer, rows) =>
        {
            var values = readers[0];
            var input = StringVectors.Input(values);
            var output = StringVectors.Output(writer);
            Span<byte> mac = stackalloc byte[32];
            for (ulong row = 0; row < rows; row++)
            {
                if (!values.IsValid(row))
                {
                    writer.WriteNull(row);
                    continue;
                }
                hasher.Hash(input.Get(row), mac);
                output.Set(row, mac);
            }
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);
#pragma warning restore DuckDBNET001
    }
}
