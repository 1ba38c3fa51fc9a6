using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// A Bloom filter of the planned uids (two bits per uid, from a fingerprint of its length and first eight characters),
/// in which nearly every other uid finds a bit clear: a decision looks up every VMI of the cluster (100,000 in a large
/// one) to find the 10% it planned, and ruling the rest out this way costs a fraction of a lookup by the whole uid,
/// which hashes the whole string and reads a second cache line of it. Kubernetes uids are random UUIDs, whose first
/// characters spread as well as whole strings; uids with a common prefix only make the filter pass more of them, never
/// fewer than it should.
/// </summary>
internal sealed class UidFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    public UidFilter(IEnumerable<string> uids)
    {
        var list = uids as IReadOnlyCollection<string> ?? [.. uids];
        // About 24 bits per uid: another uid finds both of its bits set about one time in two hundred.
        var size = 1024;
        while (size < list.Count * 24 && size < 1 << 26)
        {
            size <<= 1;
        }

        _bits = new ulong[size / 64];
        _mask = size - 1;
        foreach (var uid in list)
        {
            var (first, second) = Bits(uid);
            _bits[first >> 6] |= 1UL << first;
            _bits[second >> 6] |= 1UL << second;
        }
    }

    /// <summary>False when no planned uid is <paramref name="uid"/>; true when one may be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(string uid)
    {
        var (first, second) = Bits(uid);
        return (_bits[first >> 6] & (1UL << first)) != 0 && (_bits[second >> 6] & (1UL << second)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int First, int Second) Bits(string uid)
    {
        const ulong Golden = 0x9E3779B97F4A7C15UL;
        var hash = (ulong)uid.Length;
        if (uid.Length >= 8)
        {
            var head = MemoryMarshal.Cast<char, ulong>(uid.AsSpan(0, 8));
            hash ^= (head[0] * Golden) ^ head[1];
        }
        else
        {
            foreach (var c in uid)
            {
                hash = (hash * 31) + c;
            }
        }

        hash *= Golden;
        return ((int)(hash >> 32) & _mask, (int)hash & _mask);
    }
}
