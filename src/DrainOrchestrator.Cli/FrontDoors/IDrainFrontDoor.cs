using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// What drainctl's commands need, served either by the application layer in this process (embedded, the default) or by
/// a server's API (<c>--server</c>); the commands print the same either way.
/// </summary>
internal interface IDrainFrontDoor : IWorkflowFrontDoor, IAsyncDisposable
{
    Task<PlanView> PlanAsync(DrainSpec spec, CancellationToken cancellationToken);

    Task<StartedDrain> StartAsync(DrainSpec spec, CancellationToken cancellationToken);

    /// <summary>Records a move-back of drain <paramref name="drainIdOrName"/>, or finds its unfinished one; run it with <see cref="FollowAsync"/>.</summary>
    Task<StartedDrain> MoveBackAsync(string drainIdOrName, CancellationToken cancellationToken);

    /// <summary>
    /// Embedded: runs the drain here, inside <paramref name="window"/> when one is given (the run then ends suspended
    /// when nothing more fits it). Remote: follows the server's run of it (with no window, unless the drain was
    /// interrupted while it ran in one: then in that one). Either way until it ends or this run stops.
    /// </summary>
    Task<DrainResult> FollowAsync(DrainView drain, DrainEngineOptions engine, MaintenanceWindow? window, IProgress<DrainProgress> progress,
        CancellationToken cancellationToken);

    Task<DrainView> GetAsync(string idOrName, CancellationToken cancellationToken);

    Task<IReadOnlyList<DrainView>> ListUnfinishedAsync(CancellationToken cancellationToken);

    Task<SignalOutcome> SignalAsync(string idOrName, DrainSignal signal, CancellationToken cancellationToken);

    /// <summary>Writes the report of <paramref name="subject"/> to <paramref name="output"/> as it is produced.</summary>
    Task WriteReportAsync(ReportSubject subject, ReportOptions options, TextWriter output, CancellationToken cancellationToken);

    /// <summary>Verifies the ledger's chains: drain <paramref name="idOrName"/>'s, or all when null; against <paramref name="anchors"/> too when given.</summary>
    Task<AuditReport> VerifyLedgerAsync(string? idOrName, AnchorExport? anchors, CancellationToken cancellationToken);

    /// <summary>The ledger's anchors: drain <paramref name="idOrName"/>'s, or all when null.</summary>
    Task<AnchorExport> AnchorsAsync(string? idOrName, CancellationToken cancellationToken);
}
