using System.Globalization;
using System.Text;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>
/// Objects far larger than a read buffer: a VirtualMachineInstance whose annotations hold a chosen number of bytes of text
/// mixing 1-, 2-, 3- and 4-byte UTF-8 characters, written raw (not as \u escapes) so chunk boundaries can split them.
/// </summary>
internal static class LargeWireJson
{
    /// <summary>"é" is 2 bytes in UTF-8, "€" 3 and "😀" 4 (a surrogate pair in UTF-16).</summary>
    public const string Mixed = "ab\u00e9c\u20acd\U0001F600e";

    public static readonly byte[] TwoByteChar = Encoding.UTF8.GetBytes("\u00e9");
    public static readonly byte[] ThreeByteChar = Encoding.UTF8.GetBytes("\u20ac");
    public static readonly byte[] FourByteChar = Encoding.UTF8.GetBytes("\U0001F600");

    private static readonly int MixedBytes = Encoding.UTF8.GetByteCount(Mixed);

    /// <summary>Annotations of about <paramref name="totalBytes"/> UTF-8 bytes, each value different, so a shifted or dropped byte shows.</summary>
    public static Dictionary<string, string> Annotations(string prefix, int totalBytes, int valueBytes = 8 * 1024)
    {
        var annotations = new Dictionary<string, string>();
        var bytes = 0;
        for (var i = 0; bytes < totalBytes; i++)
        {
            var value = new StringBuilder().Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append(':');
            for (var length = 6; length < valueBytes; length += MixedBytes + 1)
            {
                value.Append(Mixed).Append(i % 10);
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"big.example.com/{prefix}-{i:D5}");
            annotations[key] = value.ToString();
            bytes += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(annotations[key]);
        }

        return annotations;
    }

    /// <summary>A VirtualMachineInstance like <see cref="WireJson.Vmi"/>, carrying <paramref name="annotations"/>.</summary>
    public static string Vmi(string name, int resourceVersion, IReadOnlyDictionary<string, string> annotations)
    {
        var builder = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $$$"""{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstance","metadata":{"name":"{{{name}}}","namespace":"tenant-a","resourceVersion":"{{{resourceVersion}}}","annotations":{""");
        var first = true;
        foreach (var (key, value) in annotations)
        {
            builder.Append(first ? "" : ",").Append('"').Append(key).Append("\":\"").Append(value).Append('"');
            first = false;
        }

        return builder.Append(CultureInfo.InvariantCulture, $$$"""}},"status":{"phase":"Running","nodeName":"big-node-{{{resourceVersion}}}"}}""").ToString();
    }

    /// <summary>
    /// Offsets just inside the first 2-, 3- and 4-byte characters in <paramref name="body"/> between <paramref name="from"/>
    /// and <paramref name="to"/> (those it has): a read ending there splits the character.
    /// </summary>
    public static IEnumerable<int> CutsInsideCharacters(byte[] body, int from, int to)
    {
        var cuts = new List<int>();
        foreach (var character in new[] { TwoByteChar, ThreeByteChar, FourByteChar })
        {
            var at = body.AsSpan(from, to - from).IndexOf(character);
            for (var inside = 1; at >= 0 && inside < character.Length; inside++)
            {
                cuts.Add(from + at + inside);
            }
        }

        return cuts;
    }

    /// <summary>Asserts the annotations are exactly the expected ones, naming the first difference briefly (the values are large).</summary>
    public static void AssertAnnotations(IReadOnlyDictionary<string, string> expected, ObjectMeta metadata)
    {
        var actual = metadata.Annotations;
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var got), $"annotation {key} is missing");
            if (got != value)
            {
                var at = value.AsSpan().CommonPrefixLength(got);
                Assert.Fail($"annotation {key} differs at char {at} of {value.Length} (got {got.Length} chars)");
            }
        }
    }
}
