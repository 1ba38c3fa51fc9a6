using System.CommandLine;
using System.Globalization;
using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>rehearse</c>'s window: <c>--window START/END</c> (ISO 8601) or <c>--window-minutes N</c>; its length is what the drain must fit.</summary>
internal sealed class RehearsalWindowOptions
{
    public Option<string?> Interval { get; } = new("--window") { Description = "The maintenance window as START/END in ISO 8601, e.g. 2027-01-02T02:00:00Z/2027-01-02T06:00:00Z." };
    public Option<double?> Minutes { get; } = new("--window-minutes") { Description = "The maintenance window's length in minutes." };

    public void AddTo(Command command)
    {
        command.Options.Add(Interval);
        command.Options.Add(Minutes);
    }

    /// <summary>The window's length; null when none was given; every problem in <paramref name="problems"/>.</summary>
    public TimeSpan? Read(ParseResult parse, List<RequestProblem> problems)
    {
        var text = parse.GetValue(Interval);
        var minutes = parse.GetValue(Minutes);
        if (text is not null && minutes is not null)
        {
            problems.Add(new("window", "give --window START/END or --window-minutes N, not both"));
            return null;
        }

        if (minutes is { } m)
        {
            if (double.IsFinite(m) && m > 0 && m <= 7 * 24 * 60)
            {
                return TimeSpan.FromMinutes(m);
            }

            problems.Add(new("window", $"--window-minutes must be more than 0 and at most a week (10080), was {m.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }

        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length == 2 && Instant(parts[0]) is { } start && Instant(parts[1]) is { } end && end > start)
        {
            return end - start;
        }

        problems.Add(new("window", $"--window must be START/END, two ISO 8601 instants with END after START such as 2027-01-02T02:00:00Z/2027-01-02T06:00:00Z, was '{text}'"));
        return null;
    }

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
