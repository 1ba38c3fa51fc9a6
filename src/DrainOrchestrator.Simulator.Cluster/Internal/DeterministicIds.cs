using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Uids and name suffixes drawn from the seeded random source, so a run replays with the same names.</summary>
/// <remarks>Not thread-safe: callers serialise access (the model's lock, the API store's write lock).</remarks>
public sealed class DeterministicIds(int seed)
{
    // The alphabet Kubernetes uses for generated name suffixes (no vowels, no confusable characters).
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly Random _random = new(seed);

    /// <summary>A version-4-shaped uid.</summary>
    public string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>A suffix for generateName, <paramref name="length"/> characters long.</summary>
    public string NameSuffix(int length = 5)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = SuffixAlphabet[_random.Next(SuffixAlphabet.Length)];
        }

        return new string(chars);
    }
}
