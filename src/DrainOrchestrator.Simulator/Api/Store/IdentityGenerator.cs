using System.Text;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Seeded generator of uids and generateName suffixes, so a run with the same seed names things alike.</summary>
internal sealed class IdentityGenerator(int seed)
{
    // The alphabet Kubernetes uses for generated suffixes: no vowels, no easily confused characters.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;

    private readonly Random _random = new(seed);

    /// <summary>A version-4-shaped uid. Callers hold the store lock.</summary>
    public string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A random 5-character suffix for generateName. Callers hold the store lock.</summary>
    public string NewSuffix()
    {
        var suffix = new StringBuilder(SuffixLength);
        for (var i = 0; i < SuffixLength; i++)
        {
            suffix.Append(SuffixAlphabet[_random.Next(SuffixAlphabet.Length)]);
        }

        return suffix.ToString();
    }
}
