using System.CommandLine;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Cli.Commands;

/// <summary><c>plan</c>'s maintenance window: <c>--window-end TIME</c> and/or <c>--window CRON --time-zone Z --duration D</c>.</summary>
internal sealed class WindowOptions
{
    public Option<string?> End { get; } = new("--window-end") { Description = "The end of the window the work must fit (ISO 8601, e.g. 2027-01-02T06:00:00Z)." };
    public Option<string?> Cron { get; } = new("--window") { Description = "Recurring windows: cron, 5 fields or 6 with seconds first (with --time-zone and --duration)." };
    public Option<string?> Zone { get; } = new("--time-zone") { Description = "The IANA time zone of --window, e.g. Europe/Berlin.", DefaultValueFactory = _ => "UTC" };
    public Option<string?> Duration { get; } = new("--duration") { Description = "The length of each --window, e.g. 4h." };

    public void AddTo(Command command)
    {
        command.Options.Add(End);
        command.Options.Add(Cron);
        command.Options.Add(Zone);
        command.Options.Add(Duration);
    }

    /// <summary>The window asked about; null when none; every problem of the options' text in <paramref name="problems"/>.</summary>
    public WindowRequest? Read(ParseResult parse, List<RequestProblem> problems)
    {
        var endText = parse.GetValue(End);
        var cron = parse.GetValue(Cron);
        if (endText is null && cron is null)
        {
            if (parse.GetValue(Duration) is not null)
            {
                problems.Add(new("window", "--duration needs --window CRON (or give --window-end alone)"));
            }

            return null;
        }

        DateTimeOffset? end = null;
        if (endText is not null)
        {
            end = Instants.Parse(endText, "--window-end", out var problem);
            if (problem is not null)
            {
                problems.Add(new("window.end", problem));
            }
        }

        if (cron is null)
        {
            return new WindowRequest(end, null);
        }

        var durationText = parse.GetValue(Duration);
        var duration = durationText is null ? null : DurationText.Parse(durationText);
        if (duration is null)
        {
            problems.Add(new("window.duration", durationText is null ? "--window needs --duration, e.g. 4h" : $"--duration must be a duration such as 4h or 90s, was '{durationText}'"));
        }

        return new WindowRequest(end, new ScheduleQuery(cron, parse.GetValue(Zone) ?? "UTC", duration ?? TimeSpan.Zero, []));
    }
}
