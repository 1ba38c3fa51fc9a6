using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Application.Plans;

/// <summary>
/// A plan against a window: the windows the request describes, then Core's forecast, which admits by the same
/// pessimistic prediction as the engine's admission in the window (<see cref="WindowAdmission"/>).
/// </summary>
internal static class WindowPlanning
{
    /// <summary>The first window (what is left of it at <paramref name="now"/>) and the length of the later ones; every problem at once otherwise.</summary>
    public static (MaintenanceWindow First, TimeSpan Later) Resolve(WindowRequest request, DateTimeOffset now, FrontDoor door)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (request.End is null && request.Schedule is null)
        {
            problems.Add(new("window", door == FrontDoor.CommandLine
                ? "give --window-end TIME, or --window CRON with --time-zone and --duration"
                : "window needs end, or cron with timeZone and durationSeconds"));
        }

        if (request.End is { } end && end <= now)
        {
            problems.Add(new("window.end", $"{(door == FrontDoor.CommandLine ? "--window-end" : "window.end")} must be in the future, was {end:u} (now {now:u})"));
        }

        ScheduleDefinition? schedule = null;
        try
        {
            schedule = request.Schedule?.ToSchedule(door);
        }
        catch (InvalidRequestException ex)
        {
            problems.AddRange(ex.Problems.Select(p => p with { Field = "window." + p.Field }));
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        if (request.End is { } until)
        {
            return (new MaintenanceWindow(now, until), schedule?.Duration ?? until - now);
        }

        var current = schedule!.Containing(now) ?? (schedule.Next(now, 1) is [var next] ? next : null)
            ?? throw new InvalidRequestException([new RequestProblem("window.cron", $"the schedule '{schedule.Cron}' has no next window")]);
        return (new MaintenanceWindow(current.Start > now ? current.Start : now, current.End), schedule.Duration);
    }

    /// <summary>The forecast of <paramref name="plan"/> over the windows.</summary>
    public static WindowFitView Fit(DrainPlan plan, DrainPolicy policy, MaintenanceWindow first, TimeSpan later)
    {
        var factor = PessimisticDuration.Factor([], policy.Window);
        var forecast = WindowForecaster.Forecast(plan, policy, first.Length, later, factor);
        return new WindowFitView(forecast.FitsFirstWindow, forecast.WindowsNeeded, first.End, Math.Round(first.Length.TotalSeconds, 1),
            Math.Round(later.TotalSeconds, 1), policy.Window.Margin.TotalSeconds, factor, forecast.NeverFit.Select(i => i.Vmi.QualifiedName).ToList());
    }
}
