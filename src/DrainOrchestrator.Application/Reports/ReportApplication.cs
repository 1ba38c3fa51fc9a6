using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;
using Npgsql;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// The report use cases, from PostgreSQL alone: a drain's, a workflow instance's (the drains it started), and a period's
/// (every wave completed in it), rendered by <see cref="ReportWriter"/> into the caller's writer as it is produced.
/// </summary>
public sealed partial class ReportApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Reads what <paramref name="subject"/> covers.</summary>
    public Task<ReportDocument> ReadAsync(ReportSubject subject, CancellationToken cancellationToken) => subject switch
    {
        ReportSubject.Drain d => DrainAsync(d.IdOrName, cancellationToken),
        ReportSubject.Workflow w => WorkflowAsync(w.IdOrName, cancellationToken),
        ReportSubject.Period p => PeriodAsync(p.Range, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "a report covers a drain, a workflow instance or a period"),
    };

    /// <summary>Reads what <paramref name="subject"/> covers and writes it to <paramref name="output"/> as <paramref name="options"/> say.</summary>
    public async Task WriteAsync(ReportSubject subject, ReportOptions options, TextWriter output, CancellationToken cancellationToken) =>
        await ReportWriter.WriteAsync(await ReadAsync(subject, cancellationToken), options, output, cancellationToken);

    /// <summary>The report of drain <paramref name="idOrName"/>.</summary>
    public async Task<ReportDocument> DrainAsync(string idOrName, CancellationToken cancellationToken)
    {
        var drain = await FindDrainAsync(idOrName, cancellationToken);
        var report = await DrainReportReader.ReadAsync(dataSource, drain, cancellationToken);
        return new ReportDocument("drain", $"Drain {drain.Name}", timeProvider.GetUtcNow(), [report]);
    }

    /// <summary>
    /// The report of every wave that finished in <paramref name="period"/>: each migration of those waves once, drain by
    /// drain. VMs a drain did not move belong to no wave and are left to each drain's own report.
    /// </summary>
    public async Task<ReportDocument> PeriodAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var waves = await new CompletedWaveQuery(dataSource).ListAsync(period.From, period.To, period.Cluster, cancellationToken);
        var drains = new List<DrainReport>();
        foreach (var group in waves.GroupBy(w => w.DrainId))
        {
            var numbers = group.Select(w => w.WaveNumber).ToHashSet();
            var drain = await FindDrainAsync(group.Key.ToString("D"), cancellationToken);
            var full = await DrainReportReader.ReadAsync(dataSource, drain, cancellationToken);
            drains.Add(full with
            {
                Waves = [.. full.Waves.Where(w => numbers.Contains(w.WaveNumber))],
                Attempts = [.. full.Attempts.Where(a => !a.IsRestart && numbers.Contains(a.WaveNumber))],
                NotMoved = [],
                Windows = [],
            });
        }

        var title = $"Waves completed from {ReportTimeZone.FormatUtc(period.From)} to {ReportTimeZone.FormatUtc(period.To)}"
            + (period.Cluster is null ? " on every cluster" : $" on {period.Cluster}");
        return new ReportDocument("period", title, timeProvider.GetUtcNow(), drains) { Period = period };
    }

    private async Task<DrainRecord> FindDrainAsync(string idOrName, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(idOrName) ? throw new DrainNotFoundException(idOrName ?? string.Empty)
            : await new DrainStore(dataSource, timeProvider).FindAsync(idOrName, cancellationToken) ?? throw new DrainNotFoundException(idOrName);
}
