namespace DrainOrchestrator.Application.Reports;

/// <summary>What a report covers: one drain, one workflow instance, or every wave completed in a period.</summary>
public abstract record ReportSubject
{
    private ReportSubject()
    {
    }

    /// <summary>One drain, by id or name.</summary>
    public sealed record Drain(string IdOrName) : ReportSubject;

    /// <summary>One workflow instance, by id or name, with the drains it started.</summary>
    public sealed record Workflow(string IdOrName) : ReportSubject;

    /// <summary>Every wave that finished in [From, To), of one cluster or of all.</summary>
    public sealed record Period(ReportPeriod Range) : ReportSubject;
}
