using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>
/// Stable pseudonyms: the first 48 bits of HMAC-SHA256(key, kind + NUL + name), in hex after a prefix that says what was
/// renamed. The same key gives the same pseudonym in every snapshot; without the key a name cannot be tested against it.
/// </summary>
internal sealed class Pseudonyms(byte[] key)
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>The pseudonym of <paramref name="name"/> as a <paramref name="prefix"/> (node, ns, vm, mp, v): a valid DNS label.</summary>
    public string Of(string prefix, string name)
    {
        var cacheKey = prefix + "\0" + name;
        if (!_cache.TryGetValue(cacheKey, out var pseudonym))
        {
            pseudonym = prefix + "-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(cacheKey)).AsSpan(0, 6));
            _cache[cacheKey] = pseudonym;
        }

        return pseudonym;
    }

    /// <summary>A uuid-shaped pseudonym of a uid.</summary>
    public string Uid(string uid)
    {
        var bytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("uid\0" + uid)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
