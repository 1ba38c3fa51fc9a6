using System.Security.Cryptography;
using System.Text;

namespace DrainOrchestrator.Core.Failures;

/// <summary>
/// Deterministic names for what the orchestrator creates, so a step repeated after a crash finds what it created
/// before instead of creating it again. Names are valid DNS-1123 labels (lower-case, at most 63 characters).
/// </summary>
public static class MigrationNaming
{
    /// <summary>The prefix operators recognise on VMIMs the orchestrator created.</summary>
    public const string VmimPrefix = "drain-";

    /// <summary>The prefix of the orchestrator's post-copy MigrationPolicies.</summary>
    public const string PostCopyPolicyPrefix = "drain-postcopy-";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The VMIM name of attempt <paramref name="attempt"/> (1-based) for one VMI in one drain.</summary>
    public static string VmimName(string drainId, string vmiUid, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(drainId);
        ArgumentException.ThrowIfNullOrEmpty(vmiUid);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return VmimPrefix + Hash(drainId + "\n" + vmiUid + "\n" + attempt) + "-" + attempt;
    }

    /// <summary>The name of the post-copy MigrationPolicy for one VMI in one drain.</summary>
    public static string PostCopyPolicyName(string drainId, string vmiUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(drainId);
        ArgumentException.ThrowIfNullOrEmpty(vmiUid);
        return PostCopyPolicyPrefix + Hash(drainId + "\n" + vmiUid + "\npost-copy");
    }

    // 16 base32 characters: 80 bits, so two live names collide with negligible probability.
    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        var result = new StringBuilder(16);
        ulong bits = 0;
        var count = 0;
        foreach (var b in digest)
        {
            bits = (bits << 8) | b;
            count += 8;
            while (count >= 5 && result.Length < 16)
            {
                count -= 5;
                result.Append(Alphabet[(int)((bits >> count) & 31)]);
            }

            if (result.Length == 16)
            {
                break;
            }
        }

        return result.ToString();
    }
}
