namespace DrainOrchestrator.Workflows.Schedules;

/// <summary>A change freeze: calendar days (in the schedule's time zone) on which no occurrence starts, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Whether <paramref name="day"/> lies in the range.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary><c>yyyy-MM-dd</c>, or <c>yyyy-MM-dd..yyyy-MM-dd</c>.</summary>
    public override string ToString() => From == To ? From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
