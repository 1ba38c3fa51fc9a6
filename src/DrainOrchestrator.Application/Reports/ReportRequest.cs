using DrainOrchestrator.Application.Requests;

namespace DrainOrchestrator.Application.Reports;

/// <summary>A report request as a front door received it, read into its subject and options with every problem at once.</summary>
/// <param name="Drain">The drain's id or name, for a drain's report.</param>
/// <param name="Workflow">The workflow instance's id or name, for a workflow's report.</param>
/// <param name="From">The period's start, for a period report: a date or time as the user typed it.</param>
/// <param name="To">The period's end (excluded).</param>
/// <param name="Cluster">The cluster a period report covers; every cluster when null.</param>
/// <param name="Format">table, html, json or csv.</param>
/// <param name="TimeZone">An IANA time zone id; UTC when null.</param>
public sealed record ReportRequest(string? Drain, string? Workflow, string? From, string? To, string? Cluster, string Format, string? TimeZone)
{
    /// <summary>
    /// The subject and options; an <see cref="InvalidRequestException"/> naming every problem in <paramref name="door"/>'s
    /// terms (<c>--time-zone</c> or <c>timeZone</c>). Dates without an offset are read in the chosen time zone.
    /// </summary>
    public (ReportSubject Subject, ReportOptions Options) Read(FrontDoor door)
    {
        var cli = door == FrontDoor.CommandLine;
        var problems = new List<RequestProblem>();
        var format = ReportFormats.Parse(Format, cli ? "--format" : "format", problems);
        var zone = ReportTimeZone.Parse(TimeZone, cli ? "--time-zone" : "timeZone", problems);
        var subject = Subject(zone ?? ReportTimeZone.Utc, cli, problems);
        return problems.Count > 0 ? throw new InvalidRequestException(problems) : (subject!, new ReportOptions(format!.Value, zone!));
    }

    private ReportSubject? Subject(ReportTimeZone zone, bool cli, List<RequestProblem> problems)
    {
        var (fromName, toName) = cli ? ("--from", "--to") : ("from", "to");
        var period = From is not null || To is not null;
        var named = new[] { Drain is not null, Workflow is not null, period }.Count(b => b);
        if (named != 1)
        {
            problems.Add(new RequestProblem(string.Empty, cli
                ? "name exactly one of a DRAIN, --workflow INSTANCE, or a period with --from and --to (e.g. --from 2026-11-01 --to 2026-12-01)"
                : "name exactly one of a drain, a workflow instance, or a period with from and to"));
            return null;
        }

        if (!period)
        {
            return Drain is not null ? new ReportSubject.Drain(Drain) : new ReportSubject.Workflow(Workflow!);
        }

        var from = Time(From, fromName, zone, problems);
        var to = Time(To, toName, zone, problems);
        if (from is { } f && to is { } t && f >= t)
        {
            problems.Add(new RequestProblem(toName, $"{toName} must be after {fromName} (the period is [{fromName}, {toName})), was {To} with {fromName} {From}"));
        }

        return from is null || to is null ? null : new ReportSubject.Period(new ReportPeriod(from.Value, to.Value, string.IsNullOrWhiteSpace(Cluster) ? null : Cluster));
    }

    private static DateTimeOffset? Time(string? text, string field, ReportTimeZone zone, List<RequestProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new RequestProblem(field, $"a period report needs {field}, e.g. 2026-11-01"));
            return null;
        }

        var at = zone.ParseTime(text);
        if (at is null)
        {
            problems.Add(new RequestProblem(field, $"{field} must be a date such as 2026-11-01 or a time such as 2026-11-01T08:00:00Z, was '{text}'"));
        }

        return at;
    }
}
