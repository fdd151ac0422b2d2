using System.Reflection;
using System.Runtime.InteropServices;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Oversight.Privacy;

/// <summary>
/// Byte-level access to the VARCHAR input and the VARCHAR/BLOB result of a DuckDB.NET scalar function. The public
/// reader and writer go through .NET strings, which for pii_hash cost nearly as much as the hashing (and cannot write a
/// BLOB at all). DuckDB.NET keeps the vector pointers internal, so they are read by reflection, once a vector;
/// the string layout and the assign call are DuckDB's stable C API. Checked when first used: if a DuckDB.NET
/// upgrade renames the internals, loading fails at once with this class named, not with wrong data.
/// </summary>
internal static unsafe class StringVectors
{
    private static readonly PropertyInfo ReaderData = Internal("DuckDB.NET.Data.DataChunk.Reader.VectorDataReaderBase", "DataPointer");
    private static readonly PropertyInfo WriterVector = Internal("DuckDB.NET.Data.DataChunk.Writer.VectorDataWriterBase", "Vector");

    public static InputVector Input(IDuckDBDataReader reader) => new((byte*)Pointer.Unbox(ReaderData.GetValue(reader)!));

    public static OutputVector Output(IDuckDBDataWriter writer) => new((IntPtr)WriterVector.GetValue(writer)!);

    private static PropertyInfo Internal(string type, string property) =>
        typeof(IDuckDBDataReader).Assembly.GetType(type)?.GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        ?? throw new InvalidOperationException($"DuckDB.NET no longer has {type}.{property}; Privacy/StringVectors.cs needs updating for this version.");

    [DllImport("duckdb")]
    private static extern void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);

    /// <summary>duckdb_string_t: 16 bytes, a uint32 length, then up to 12 bytes inline or a 4-byte prefix and a pointer.</summary>
    public readonly ref struct InputVector(byte* data)
    {
        public ReadOnlySpan<byte> Get(ulong row)
        {
            var s = data + row * 16;
            var length = *(uint*)s;
            return new ReadOnlySpan<byte>(length <= 12 ? s + 4 : *(byte**)(s + 8), (int)length);
        }
    }

    public readonly ref struct OutputVector(IntPtr vector)
    {
        /// <summary>DuckDB copies the bytes into the vector's own storage.</summary>
        public void Set(ulong row, ReadOnlySpan<byte> value)
        {
            fixed (byte* p = value) duckdb_vector_assign_string_element_len(vector, row, p, (ulong)value.Length);
        }
    }
}
