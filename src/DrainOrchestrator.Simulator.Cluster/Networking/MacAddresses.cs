using System.Text.RegularExpressions;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>MAC addresses as interfaces declare them (<c>02:00:00:00:00:01</c>): compared in lower case.</summary>
public static partial class MacAddresses
{
    /// <summary>Whether <paramref name="mac"/> is six colon-separated hex octets.</summary>
    public static bool IsValid(string mac) => Pattern().IsMatch(mac);

    /// <summary>The lower-case form, or null for null or empty.</summary>
    public static string? Normalize(string? mac) => string.IsNullOrEmpty(mac) ? null : mac.ToLowerInvariant();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex Pattern();
}
