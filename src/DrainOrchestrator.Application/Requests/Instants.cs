using System.Globalization;

namespace DrainOrchestrator.Application.Requests;

/// <summary>
/// Instants as the front doors take them for a window's end: ISO 8601 with an explicit offset. A time without one
/// (2027-01-02T06:00) is refused rather than read as UTC or as local time: a window ending an hour off in either
/// direction runs migrations outside the agreed maintenance, or suspends a drain that had time left.
/// </summary>
public static class Instants
{
    /// <summary>The instant <paramref name="text"/> names; null with <paramref name="problem"/> saying why, in terms of <paramref name="name"/>.</summary>
    public static DateTimeOffset? Parse(string text, string name, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            problem = $"{name} must be an ISO 8601 instant with its offset, such as 2027-01-02T06:00:00Z or 2027-01-02T07:00:00+01:00, was '{text}'";
            return null;
        }

        // RoundtripKind keeps an unmarked time Unspecified: a Z makes it Utc, an offset Local.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var read) && read.Kind == DateTimeKind.Unspecified)
        {
            var utc = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            problem = $"{name} '{text}' has no offset, so it could be UTC or local time: add Z for UTC (e.g. {utc}Z) "
                + "or the local offset (e.g. +01:00; %2B01:00 in a URL's query, where a + reads as a space)";
            return null;
        }

        return at;
    }
}
