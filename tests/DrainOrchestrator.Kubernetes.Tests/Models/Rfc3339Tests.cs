using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

/// <summary>
/// The RFC 3339 fast path (exact UTF-8 form, no string) against the general parser it falls back to: where the fast path
/// accepts, both give the same instant; everything it declines is decided by the general parser, as before.
/// </summary>
public sealed class Rfc3339Tests
{
    // The fast path is private; reaching it directly shows which inputs it takes rather than hands to the general parser.
    private static readonly TryParse FastPath =
        (typeof(Rfc3339).GetMethod("TryParseExact", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("Rfc3339.TryParseExact not found: update this test")).CreateDelegate<TryParse>();

    private delegate bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value);

    /// <summary>Inputs the fast path takes, with the instant they denote (UTC, seven fractional digits).</summary>
    public static TheoryData<string, string> FastForms() => new()
    {
        // Offsets.
        { "2026-03-01T10:00:00Z", "2026-03-01T10:00:00.0000000Z" },
        { "2026-03-01T10:00:00+01:00", "2026-03-01T09:00:00.0000000Z" },
        { "2026-03-01T10:00:00-05:30", "2026-03-01T15:30:00.0000000Z" },
        { "2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00.0000000Z" },
        { "2026-03-01T10:00:00-00:00", "2026-03-01T10:00:00.0000000Z" },
        { "2026-03-01T10:00:00+14:00", "2026-02-28T20:00:00.0000000Z" },
        { "2026-03-01T10:00:00-14:00", "2026-03-02T00:00:00.0000000Z" },
        { "2026-03-01T10:00:00-13:59", "2026-03-01T23:59:00.0000000Z" },
        { "2026-03-01T23:59:59Z", "2026-03-01T23:59:59.0000000Z" },

        // 1 to 9 fractional digits, and more: .NET keeps seven, the rest is dropped, never rounded.
        { "2026-03-01T10:00:00.1Z", "2026-03-01T10:00:00.1000000Z" },
        { "2026-03-01T10:00:00.12Z", "2026-03-01T10:00:00.1200000Z" },
        { "2026-03-01T10:00:00.123Z", "2026-03-01T10:00:00.1230000Z" },
        { "2026-03-01T10:00:00.1234Z", "2026-03-01T10:00:00.1234000Z" },
        { "2026-03-01T10:00:00.12345Z", "2026-03-01T10:00:00.1234500Z" },
        { "2026-03-01T10:00:00.123456Z", "2026-03-01T10:00:00.1234560Z" },
        { "2026-03-01T10:00:00.1234567Z", "2026-03-01T10:00:00.1234567Z" },
        { "2026-03-01T10:00:00.12345678Z", "2026-03-01T10:00:00.1234567Z" },
        { "2026-03-01T10:00:00.123456789Z", "2026-03-01T10:00:00.1234567Z" },
        { "2026-03-01T10:00:00.999999999Z", "2026-03-01T10:00:00.9999999Z" },
        { "2026-03-01T10:00:00.000000001Z", "2026-03-01T10:00:00.0000000Z" },
        { "2026-03-01T10:00:00.0000001Z", "2026-03-01T10:00:00.0000001Z" },
        { "2026-03-01T10:00:00.1234567890123Z", "2026-03-01T10:00:00.1234567Z" },
        { "2026-03-01T10:00:00.123456789+01:00", "2026-03-01T09:00:00.1234567Z" },
        { "2026-03-01T00:00:00.5-00:30", "2026-03-01T00:30:00.5000000Z" },

        // Leap days and ends of months, crossed by the offset both ways.
        { "2024-02-29T23:59:59Z", "2024-02-29T23:59:59.0000000Z" },
        { "2000-02-29T12:00:00Z", "2000-02-29T12:00:00.0000000Z" },
        { "2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00.0000000Z" },
        { "2024-03-01T00:00:00+00:01", "2024-02-29T23:59:00.0000000Z" },
        { "2026-03-01T00:30:00+01:00", "2026-02-28T23:30:00.0000000Z" },
        { "2026-01-31T23:59:59.999999999Z", "2026-01-31T23:59:59.9999999Z" },
        { "2026-04-30T23:00:00-01:00", "2026-05-01T00:00:00.0000000Z" },
        { "2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00.0000000Z" },
        { "2027-01-01T00:00:00+00:30", "2026-12-31T23:30:00.0000000Z" },

        // The edges of the representable range.
        { "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z" },
        { "0001-01-01T00:00:00-14:00", "0001-01-01T14:00:00.0000000Z" },
        { "0001-01-01T13:59:00+13:59", "0001-01-01T00:00:00.0000000Z" },
        { "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z" },
        { "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.9999999Z" },
        { "9999-12-31T23:59:59+14:00", "9999-12-31T09:59:59.0000000Z" },
        { "9999-12-31T10:00:00-13:59", "9999-12-31T23:59:00.0000000Z" },
    };

    /// <summary>Inputs the fast path declines and the general parser rejects, as it did before the fast path existed.</summary>
    public static TheoryData<string> RejectedForms() =>
    [
        "2026-03-01t10:00:00Z",
        "2026-03-01T10:00:00z",
        "2026-03-01T10:00Z",
        "2026-03-01T10:00:60Z",
        "2026-03-01T10:60:00Z",
        "2026-03-01T24:00:00Z",
        "2026-13-01T10:00:00Z",
        "2026-00-01T10:00:00Z",
        "2023-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "2026-03-01T10:00:00+15:00",
        "2026-03-01T10:00:00+14:01",
        "2026-03-01T10:00:00-14:30",
        "2026-03-01T10:00:00+01:60",
        "2026-03-01T10:00:00+01",
        "2026-03-01T10:00:00Zjunk",
        "2026-03-01T10:00:00+01:00Z",
        "2026-03-01T10:00:00.123Z ",
        " 2026-03-01T10:00:00Z",
        "2026-03-01 10:00:00Z",
        "2026-3-01T10:00:00Z",
        "2026-03-01T10:00:00,5Z",
        "",
        "0001-01-01T00:00:00+00:01",
        "0001-01-01T13:59:59.9999999+14:00",
        "9999-12-31T23:59:59-00:01",
        "9999-12-31T23:59:59.9999999-00:01",
    ];

    /// <summary>Inputs the fast path declines but the general parser accepts: the fallback decides them, as before.</summary>
    public static TheoryData<string, string> FallbackForms() => new()
    {
        { "2026-03-01T10:00:00+0100", "2026-03-01T09:00:00.0000000Z" },
        { "2026-03-01T10:00:00", "2026-03-01T10:00:00.0000000Z" },
        { "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.0000000Z" },
    };

    [Theory]
    [MemberData(nameof(FastForms))]
    public void FastPath_ExactForm_GivesTheSameInstantAsTheGeneralParser(string text, string expectedUtc)
    {
        var expected = Utc(expectedUtc);

        Assert.True(FastPath(Encoding.UTF8.GetBytes(text), out var fast), $"the fast path declined {text}");

        AssertSameInstant(expected, fast);
        AssertSameInstant(expected, Rfc3339.Parse(text));
        AssertSameInstant(expected, Read(Json(text)));
    }

    [Theory]
    [MemberData(nameof(RejectedForms))]
    public void Read_FormTheFastPathDeclines_IsRejectedWithTheGeneralParsersError(string text)
    {
        Assert.False(FastPath(Encoding.UTF8.GetBytes(text), out _));

        var general = Assert.Throws<JsonException>(() => Rfc3339.Parse(text));
        var read = Assert.Throws<JsonException>(() => Read(Json(text)));

        Assert.Equal($"'{text}' is not an RFC 3339 timestamp.", general.Message);
        Assert.Equal(general.Message, read.Message);
    }

    [Theory]
    [MemberData(nameof(FallbackForms))]
    public void Read_FormOnlyTheGeneralParserTakes_IsParsedByTheFallbackIdentically(string text, string expectedUtc)
    {
        Assert.False(FastPath(Encoding.UTF8.GetBytes(text), out _));

        AssertSameInstant(Utc(expectedUtc), Rfc3339.Parse(text));
        AssertSameInstant(Utc(expectedUtc), Read(Json(text)));
    }

    [Fact]
    public void Read_EscapedToken_GoesThroughTheGeneralParser()
    {
        // A serializer's default encoder writes '+' as \u002B.
        AssertSameInstant(Utc("2026-03-01T09:00:00.5000000Z"), Read("\"2026-03-01T10:00:00.5\\u002B01:00\""));
    }

    [Fact]
    public void Read_TokenSplitAcrossSegments_GoesThroughTheGeneralParser()
    {
        var json = Encoding.UTF8.GetBytes("\"2026-03-01T10:00:00.123456789-05:30\"");
        var first = new Segment(json.AsMemory(0, 15));
        var last = first.Append(json.AsMemory(15));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        Assert.True(reader.Read());
        Assert.True(reader.HasValueSequence);

        AssertSameInstant(Utc("2026-03-01T15:30:00.1234567Z"), Rfc3339.Read(ref reader));
    }

    [Fact]
    public void Read_NullToken_IsRejectedAsBefore()
    {
        var ex = Assert.Throws<JsonException>(() => Read("null"));

        Assert.Equal("Expected an RFC 3339 timestamp, found null.", ex.Message);
    }

    [Fact]
    public void FastPath_GeneratedTimestamps_AgreeWithTheGeneralParserExactly()
    {
        var random = new Random(3339);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = Generate(random);
            var general = Outcome(() => Rfc3339.Parse(text));
            if (FastPath(Encoding.UTF8.GetBytes(text), out var fast))
            {
                accepted++;
                Assert.True(general == Outcome(() => fast), $"{text}: fast path {Outcome(() => fast)}, general parser {general}");
            }

            Assert.True(general == Outcome(() => Read(Json(text))), $"{text}: Read differs from the general parser {general}");
        }

        // Most generated inputs are valid, so the comparison above is not vacuous.
        Assert.InRange(accepted, 8_000, 16_000);
    }

    [Theory]
    [MemberData(nameof(FastForms))]
    public void Converters_RoundTrip_TimeKeepsWholeSecondsAndMicroTimeMicroseconds(string text, string expectedUtc)
    {
        var expected = Utc(expectedUtc);
        var json = $$$"""{"metadata":{"name":"l","creationTimestamp":"{{{text}}}"},"spec":{"acquireTime":"{{{text}}}","renewTime":"{{{text}}}"}}""";

        var lease = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Lease)!;
        AssertSameInstant(expected, lease.Metadata.CreationTimestamp!.Value);
        AssertSameInstant(expected, lease.Spec!.AcquireTime!.Value);
        AssertSameInstant(expected, lease.Spec.RenewTime!.Value);

        var written = JsonSerializer.Serialize(lease, KubernetesJsonContext.Default.Lease);
        var seconds = expected.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var micros = expected.UtcDateTime.ToString("ffffff", CultureInfo.InvariantCulture);
        Assert.Equal(
            $$$"""{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l","creationTimestamp":"{{{seconds}}}Z"},"spec":{"acquireTime":"{{{seconds}}}.{{{micros}}}Z","renewTime":"{{{seconds}}}.{{{micros}}}Z"}}""",
            written);

        var again = JsonSerializer.Deserialize(written, KubernetesJsonContext.Default.Lease)!;
        AssertSameInstant(expected.AddTicks(-(expected.Ticks % TimeSpan.TicksPerSecond)), again.Metadata.CreationTimestamp!.Value);
        AssertSameInstant(expected.AddTicks(-(expected.Ticks % TimeSpan.TicksPerMicrosecond)), again.Spec!.RenewTime!.Value);
    }

    [Fact]
    public void Converters_NanosecondTimestampWithOffset_WriteTheirOwnForms()
    {
        const string json = """{"metadata":{"creationTimestamp":"2026-03-01T10:00:00.123456789+01:00"},"spec":{"renewTime":"2026-03-01T10:00:00.123456789+01:00"}}""";

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Lease)!,
            KubernetesJsonContext.Default.Lease);

        Assert.Contains("\"creationTimestamp\":\"2026-03-01T09:00:00Z\"", written, StringComparison.Ordinal);
        Assert.Contains("\"renewTime\":\"2026-03-01T09:00:00.123456Z\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Converters_StandaloneOnDateTimeOffset_RoundTrip()
    {
        var time = new JsonSerializerOptions { Converters = { new KubernetesTimeJsonConverter() } };
        var micro = new JsonSerializerOptions { Converters = { new MicroTimeJsonConverter() } };
        const string json = "\"9999-12-31T23:59:59.999999999+00:00\"";

        Assert.Equal("\"9999-12-31T23:59:59Z\"", JsonSerializer.Serialize(JsonSerializer.Deserialize<DateTimeOffset>(json, time), time));
        Assert.Equal("\"9999-12-31T23:59:59.999999Z\"", JsonSerializer.Serialize(JsonSerializer.Deserialize<DateTimeOffset>(json, micro), micro));
    }

    [Theory]
    [InlineData("""{"metadata":{"creationTimestamp":"2026-03-01t10:00:00Z"}}""", "2026-03-01t10:00:00Z", "$.metadata.creationTimestamp")]
    [InlineData("""{"spec":{"renewTime":"2026-03-01T10:00:00+15:00"}}""", "2026-03-01T10:00:00+15:00", "$.spec.renewTime")]
    [InlineData("""{"spec":{"acquireTime":"9999-12-31T23:59:59-00:01"}}""", "9999-12-31T23:59:59-00:01", "$.spec.acquireTime")]
    public void Converters_InvalidTimestamp_ThrowTheGeneralParsersErrorAtItsPath(string json, string text, string path)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Lease));

        Assert.Equal($"'{text}' is not an RFC 3339 timestamp.", ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void Converters_NullTimestamp_IsNull()
    {
        var lease = JsonSerializer.Deserialize("""{"metadata":{"creationTimestamp":null},"spec":{"renewTime":null}}""",
            KubernetesJsonContext.Default.Lease)!;

        Assert.Null(lease.Metadata.CreationTimestamp);
        Assert.Null(lease.Spec!.RenewTime);
    }

    private static string Json(string text) => "\"" + text + "\"";

    private static DateTimeOffset Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return Rfc3339.Read(ref reader);
    }

    private static DateTimeOffset Utc(string text)
        => new(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    // DateTimeOffset equality ignores the offset: compare both.
    private static void AssertSameInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    private static string Outcome(Func<DateTimeOffset> parse)
    {
        try
        {
            var value = parse();
            return string.Create(CultureInfo.InvariantCulture, $"{value.UtcTicks} {value.Offset}");
        }
        catch (JsonException ex)
        {
            return "error: " + ex.Message;
        }
    }

    // Mostly well-formed timestamps with fields at and past their limits, and offsets that push the edges of the range.
    private static string Generate(Random random)
    {
        string Digits(int width, int max) => random.Next(max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

        var year = random.Next(8) switch
        {
            0 => "0001",
            1 => "9999",
            2 => "0000",
            _ => Digits(4, 9999),
        };
        var fraction = random.Next(3) == 0 ? "" : "." + string.Concat(Enumerable.Range(0, random.Next(11)).Select(_ => random.Next(10)));
        var offset = random.Next(6) switch
        {
            0 => "Z",
            1 => "+14:00",
            2 => "-14:00",
            3 => "z",
            _ => (random.Next(2) == 0 ? "+" : "-") + Digits(2, 15) + ":" + Digits(2, 60),
        };
        return $"{year}-{Digits(2, 12)}-{Digits(2, 31)}T{Digits(2, 23)}:{Digits(2, 59)}:{Digits(2, 60)}{fraction}{offset}";
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
