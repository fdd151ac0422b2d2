using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Oversight.Privacy;

/// <summary>
/// HMAC-SHA256 under one key, for millions of short values. The key's inner and outer pad blocks are hashed once,
/// so each value costs two SHA-256 block compressions. On Linux those run in OpenSSL's libcrypto, which .NET itself
/// loads and which uses the CPU's SHA instructions: 0.16 µs a value against 0.7 µs for .NET's HMAC, whose cost is
/// mostly per-call set-up. Where libcrypto 3 is not there, or gives a different answer on a known value at start,
/// it falls back to <see cref="HMACSHA256"/>. Thread-safe: the midstates are read-only, the rest is on the stack.
/// </summary>
internal sealed class KeyedHash
{
    private const int ContextSize = 112; // sizeof(SHA256_CTX), a public struct of OpenSSL's ABI
    private const int ContextBuffer = 128; // room to spare, so a larger struct cannot write past the buffer
    private readonly byte[] _key;
    private readonly byte[]? _inner;
    private readonly byte[]? _outer;

    public KeyedHash(byte[] key, bool allowNative = true)
    {
        _key = key;
        if (!allowNative || !OperatingSystem.IsLinux()) return;
        try
        {
            var block = new byte[64];
            (key.Length > 64 ? SHA256.HashData(key) : key).CopyTo(block, 0);
            _inner = Midstate(block, 0x36);
            _outer = Midstate(block, 0x5c);
            Span<byte> probe = stackalloc byte[32];
            HashNative("13987654321"u8, probe);
            if (!probe.SequenceEqual(HMACSHA256.HashData(key, "13987654321"u8))) _inner = _outer = null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _inner = _outer = null;
        }
    }

    /// <summary>Whether values are hashed through libcrypto (false: through .NET's HMACSHA256).</summary>
    public bool IsNative => _inner is not null;

    public void Hash(ReadOnlySpan<byte> value, Span<byte> mac)
    {
        if (_inner is null) HMACSHA256.HashData(_key, value, mac);
        else HashNative(value, mac);
    }

    private void HashNative(ReadOnlySpan<byte> value, Span<byte> mac)
    {
        Span<byte> context = stackalloc byte[ContextBuffer];
        Span<byte> inner = stackalloc byte[32];
        _inner.AsSpan().CopyTo(context);
        LibCrypto.SHA256_Update(ref MemoryMarshal.GetReference(context), ref MemoryMarshal.GetReference(value), (nuint)value.Length);
        LibCrypto.SHA256_Final(ref MemoryMarshal.GetReference(inner), ref MemoryMarshal.GetReference(context));
        _outer.AsSpan().CopyTo(context);
        LibCrypto.SHA256_Update(ref MemoryMarshal.GetReference(context), ref MemoryMarshal.GetReference(inner), 32);
        LibCrypto.SHA256_Final(ref MemoryMarshal.GetReference(mac), ref MemoryMarshal.GetReference(context));
    }

    /// <summary>The SHA-256 state after the key block XOR <paramref name="pad"/> (RFC 2104's ipad or opad).</summary>
    private static byte[] Midstate(byte[] keyBlock, byte pad)
    {
        var padded = new byte[64];
        for (var i = 0; i < 64; i++) padded[i] = (byte)(keyBlock[i] ^ pad);
        var context = new byte[ContextBuffer];
        LibCrypto.SHA256_Init(ref context[0]);
        LibCrypto.SHA256_Update(ref context[0], ref padded[0], 64);
        return context[..ContextSize];
    }

    private static class LibCrypto
    {
        private const string Library = "libcrypto.so.3";

        [DllImport(Library)] public static extern int SHA256_Init(ref byte context);
        [DllImport(Library)] public static extern int SHA256_Update(ref byte context, ref byte data, nuint length);
        [DllImport(Library)] public static extern int SHA256_Final(ref byte digest, ref byte context);
    }
}
