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

    /// <summary>Makes <c>pii_hash(VARCHAR)</c> available to the loader SQL on this connection.</summary>
    public void Register(DuckDBConnection connection)
    {
        connection.RegisterScalarFunction<string, string>(SqlFunction, (readers, writer, rowCount) =>
        {
            var input = readers[0];
            for (ulong i = 0; i < rowCount; i++)
            {
                if (input.IsValid(i)) writer.WriteValue(Hash(input.GetValue<string>(i)), i);
                else writer.WriteNull(i);
            }
        });
    }
}
