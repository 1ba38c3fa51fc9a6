using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Journal;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>The application layer in this process, on the database opened for the command; the cluster opened when first needed.</summary>
internal sealed partial class EmbeddedFrontDoor(DrainDatabase database, ClusterTarget cluster, ILoggerFactory loggerFactory) : IDrainFrontDoor
{
    private readonly DrainApplication _offline = new(database.DataSource, DrainctlClock.Current, loggerFactory);
    private ClusterConnection? _connection;
    private DrainApplication? _online;

    private static Caller Caller => new(Environment.UserName, "drainctl");

    public async Task<PlanView> PlanAsync(DrainSpec spec, CancellationToken cancellationToken) =>
        await (await OnlineAsync(cancellationToken)).PlanAsync(spec, Application.Requests.FrontDoor.CommandLine, cancellationToken);

    public async Task<StartedDrain> StartAsync(DrainSpec spec, CancellationToken cancellationToken) =>
        await (await OnlineAsync(cancellationToken)).StartAsync(spec, Caller, Application.Requests.FrontDoor.CommandLine, cancellationToken);

    public async Task<StartedDrain> MoveBackAsync(string drainIdOrName, CancellationToken cancellationToken) =>
        await (await OnlineAsync(cancellationToken)).MoveBackAsync(drainIdOrName, Caller, cancellationToken);

    public async Task<DrainResult> FollowAsync(DrainView drain, DrainEngineOptions engine, Core.Windows.MaintenanceWindow? window,
        IProgress<DrainProgress> progress, CancellationToken cancellationToken) =>
        await (await OnlineAsync(cancellationToken)).FollowAsync(drain.Id, engine, progress, window, cancellationToken);

    public Task<DrainView> GetAsync(string idOrName, CancellationToken cancellationToken) => _offline.GetAsync(idOrName, withVms: false, cancellationToken);

    public Task<IReadOnlyList<DrainView>> ListUnfinishedAsync(CancellationToken cancellationToken) => _offline.UnfinishedAsync(cancellationToken);

    public Task<SignalOutcome> SignalAsync(string idOrName, DrainSignal signal, CancellationToken cancellationToken) =>
        _offline.SignalAsync(idOrName, signal, Caller, cancellationToken);

    public Task WriteReportAsync(ReportSubject subject, ReportOptions options, TextWriter output, CancellationToken cancellationToken) =>
        new ReportApplication(database.DataSource, DrainctlClock.Current).WriteAsync(subject, options, output, cancellationToken);

    public Task<AuditReport> VerifyLedgerAsync(string? idOrName, AnchorExport? anchors, CancellationToken cancellationToken) =>
        new AuditApplication(database.DataSource, DrainctlClock.Current).VerifyAsync(idOrName, anchors, cancellationToken);

    public Task<AnchorExport> AnchorsAsync(string? idOrName, CancellationToken cancellationToken) =>
        new AuditApplication(database.DataSource, DrainctlClock.Current).AnchorsAsync(idOrName, cancellationToken);

    /// <summary>The workflow use cases in this process; with the cluster when <paramref name="online"/>.</summary>
    public async Task<WorkflowApplication> WorkflowsAsync(bool online, CancellationToken cancellationToken)
    {
        if (online)
        {
            await OnlineAsync(cancellationToken);
        }

        return new WorkflowApplication(database.DataSource, DrainctlClock.Current, loggerFactory, _connection);
    }

    /// <summary>The schedule use cases in this process.</summary>
    public ScheduleApplication Schedules => new(database.DataSource, DrainctlClock.Current);

    /// <summary>The cluster, connecting when needed.</summary>
    public async Task<ClusterConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        await OnlineAsync(cancellationToken);
        return _connection!;
    }

    public async ValueTask DisposeAsync()
    {
        _stepsHttp?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<DrainApplication> OnlineAsync(CancellationToken cancellationToken)
    {
        _connection ??= await ClusterConnection.OpenAsync(cluster, DrainctlClock.Current, loggerFactory, cancellationToken);
        return _online ??= new DrainApplication(database.DataSource, DrainctlClock.Current, loggerFactory, _connection);
    }
}
