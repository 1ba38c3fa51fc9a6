using System.Globalization;
using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The time zone a reader chose: reports show its local times beside UTC.</summary>
public sealed class ReportTimeZone
{
    private ReportTimeZone(TimeZoneInfo zone) => Zone = zone;

    /// <summary>UTC: local times equal UTC.</summary>
    public static ReportTimeZone Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Whether the reader chose no other zone: reports then show UTC alone.</summary>
    public bool IsUtc => Zone == TimeZoneInfo.Utc;

    /// <summary>Its IANA id, e.g. <c>Europe/Berlin</c> (<c>UTC</c> for UTC).</summary>
    public string Id => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;

    /// <summary>
    /// The zone with IANA id <paramref name="id"/> (UTC when null or empty); when there is none, a problem naming
    /// <paramref name="field"/> as the user typed it, with an example.
    /// </summary>
    public static ReportTimeZone? Parse(string? id, string field, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(id) || id is "UTC" or "Etc/UTC" or "Z")
        {
            return Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return new ReportTimeZone(zone);
        }

        problems.Add(new RequestProblem(field,
            $"{field} must be an IANA time zone id such as Europe/Berlin or America/New_York (or UTC), was '{id}'; the same value fails again"));
        return null;
    }

    /// <summary>The offset from UTC at <paramref name="at"/>, as <c>+01:00</c>.</summary>
    public string Offset(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        return (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="at"/> in UTC, e.g. <c>2026-11-03T09:15:02Z</c>.</summary>
    public static string FormatUtc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="at"/> in this zone with its offset, e.g. <c>2026-11-03T10:15:02+01:00</c>.</summary>
    public string FormatLocal(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Offset(at);

    /// <summary>
    /// A time the user typed: a date or date and time without an offset is read in this zone (<c>2026-11-01</c> in
    /// Europe/Berlin is 2026-10-31T23:00Z); with an offset or <c>Z</c> it is taken as written. Null when unreadable, or
    /// when the zone's offset takes it outside the calendar (0001-01-01 in a zone east of UTC).
    /// </summary>
    public DateTimeOffset? ParseTime(string text)
    {
        string[] local = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            // A wall time skipped by a daylight-saving change does not exist there: take the first one after the gap.
            while (Zone.IsInvalidTime(wall))
            {
                wall = wall.AddMinutes(1);
            }

            // Within a day of the calendar's ends a zone's offset can take the instant outside it: no such time.
            var offset = Zone.GetUtcOffset(wall);
            var ticks = wall.Ticks - offset.Ticks;
            return ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks ? null : new DateTimeOffset(wall, offset);
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact.ToUniversalTime() : null;
    }
}
