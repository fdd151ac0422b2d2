using System.Security.Cryptography;
using Oversight.Privacy;

namespace Oversight.Tests.Ingest;

public class KeyedHashTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Equals_dotnet_hmac_sha256_for_every_message_length_across_block_boundaries_and_key_sizes(bool allowNative)
    {
        var random = new Random(7);
        Span<byte> mac = stackalloc byte[32];
        foreach (var keyLength in new[] { 1, 32, 64, 65, 200 })
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            var hash = new KeyedHash(key, allowNative);
            for (var length = 0; length <= 200; length++)
            {
                var message = new byte[length];
                random.NextBytes(message);
                hash.Hash(message, mac);
                Assert.Equal(HMACSHA256.HashData(key, message), mac.ToArray());
            }
        }
    }

    [Fact]
    public void Runs_through_libcrypto_on_linux_and_through_dotnet_when_told_not_to()
    {
        Assert.Equal(OperatingSystem.IsLinux(), new KeyedHash(new byte[32]).IsNative);
        Assert.False(new KeyedHash(new byte[32], allowNative: false).IsNative);
    }

    [Fact]
    public void Gives_the_same_hashes_from_many_threads_at_once()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var hash = new KeyedHash(key);
        var messages = Enumerable.Range(0, 20_000).Select(i => System.Text.Encoding.UTF8.GetBytes($"139{i:D8}")).ToArray();
        var results = new byte[messages.Length][];
        Parallel.For(0, messages.Length, i =>
        {
            var mac = new byte[32];
            hash.Hash(messages[i], mac);
            results[i] = mac;
        });
        for (var i = 0; i < messages.Length; i++) Assert.Equal(HMACSHA256.HashData(key, messages[i]), results[i]);
    }
}
