using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Persistence.Audit;

/// <summary>
/// The canonical encoding of a journal record (version 1) and its link: SHA-256 over the previous record's link (32 zero
/// bytes for a chain's first record) followed by the UTF-8 of
/// <code>
/// drain-journal-record/v1
/// seq=SEQ
/// scope=drain|workflow|none:ID
/// position=POSITION
/// kind=N:KIND
/// actor=N:ACTOR
/// lease_epoch=EPOCH or -
/// recorded_at=yyyy-MM-ddTHH:mm:ss.ffffffZ
/// payload=N:PAYLOAD
/// </code>
/// each line ending with a line feed, N being the value's UTF-8 byte length, ID a lower-case uuid and PAYLOAD the jsonb
/// text form. The database computes the same at append (migrations-sql/0012_journal_hash_chain.sql); the verifier
/// recomputes it here, so that changing the database's function changes nothing it checks.
/// </summary>
public static class JournalRecordEncoding
{
    /// <summary>The first line of every encoded record.</summary>
    public const string Version = "drain-journal-record/v1";

    /// <summary>The previous link of a chain's first record.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>The text a record's link covers (without the previous link).</summary>
    public static string Encode(ChainKey chain, ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder(160 + record.PayloadJson.Length);
        text.Append(Version).Append('\n');
        text.Append("seq=").Append(record.Seq.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("scope=").Append(ChainScopes.Word(chain.Scope)).Append(':').Append(chain.Id.ToString("D")).Append('\n');
        text.Append("position=").Append(record.Position.ToString(CultureInfo.InvariantCulture)).Append('\n');
        AppendSized(text, "kind", record.Kind);
        AppendSized(text, "actor", record.Actor);
        text.Append("lease_epoch=").Append(record.LeaseEpoch?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n');
        text.Append("recorded_at=")
            .Append(record.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append('\n');
        AppendSized(text, "payload", record.PayloadJson);
        return text.ToString();
    }

    /// <summary>The link of <paramref name="record"/> after a record whose link is <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, ChainKey chain, ChainRecord record)
    {
        var encoded = Encoding.UTF8.GetBytes(Encode(chain, record));
        var input = new byte[previous.Length + encoded.Length];
        previous.CopyTo(input);
        encoded.CopyTo(input.AsSpan(previous.Length));
        return SHA256.HashData(input);
    }

    private static void AppendSized(StringBuilder text, string name, string value) =>
        text.Append(name).Append('=').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('\n');
}
