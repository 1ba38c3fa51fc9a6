using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// The drain itself, as <c>drainctl drain</c> runs it: <see cref="DrainApplication"/>'s start and run, in this process,
/// on a private PostgreSQL in the workspace and the private drain-sim's cluster, with the engine on the cluster clock.
/// </summary>
internal sealed class RehearsedDrain(PrivateSimulator sim, TimeProvider wall, TimeProvider clusterClock, double speed, ILoggerFactory loggerFactory)
{
    /// <summary>Runs the drain to its end and reads its report; the ground truth gives the makespan.</summary>
    public async Task<(DrainResult Result, DrainReport Report, SimulatedTruth Truth)> RunAsync(DrainSpec spec, string dataDirectory,
        FrontDoor door, CancellationToken cancellationToken)
    {
        var database = new DatabaseOptions { Embedded = new EmbeddedPostgresOptions { DataDirectory = dataDirectory } };
        // The private server's start-up is timed on the wall clock: initdb takes wall seconds whatever the speed.
        await using var opened = await DrainDatabase.OpenAsync(database, wall, loggerFactory, cancellationToken);
        await using var cluster = await ClusterConnection.OpenAsync(new ClusterTarget(sim.KubeconfigPath), clusterClock, loggerFactory, cancellationToken);
        var drains = new DrainApplication(opened.DataSource, clusterClock, loggerFactory, cluster);
        var started = await drains.StartAsync(spec, new Caller("rehearsal", door == FrontDoor.Api ? "api" : "drainctl"), door, cancellationToken);
        var result = await drains.RunAsync(started.Drain.Id, EngineOptions(speed), null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        RehearsalLog.DrainEnded(loggerFactory.CreateLogger<RehearsalApplication>(), started.Drain.Name, string.Join(", ", spec.Nodes),
            result.State.ToText(), result.Reason);
        var report = await drains.ReportAsync(started.Drain.Id.ToString("D"), cancellationToken);
        return (result, report, await sim.GroundTruthAsync(cancellationToken));
    }

    /// <summary>What the report shows of a rehearsal: migrations that stalled or needed post-copy, and VMs that cannot move.</summary>
    public static (int Migrations, List<RehearsedMigration> Stalled, List<RehearsedMigration> PostCopy, List<UnmovableVm> CannotMove) Read(DrainReport report)
    {
        var migrations = report.Attempts.Where(a => !a.IsRestart).ToList();
        RehearsedMigration Of(Persistence.Attempts.AttemptRecord a) =>
            new(a.VmiNamespace + "/" + a.VmiName, a.SourceNode, a.TargetNode, a.Outcome.ToString(), a.FailureReason);
        var stalled = migrations.Where(a => a.FailureClass is nameof(FailureKind.Stalled) or nameof(FailureKind.DidNotConverge)).Select(Of).ToList();
        var postCopy = migrations.Where(a => a.PostCopy).Select(Of).ToList();
        var cannot = report.NotMoved.Select(n => new UnmovableVm(n.Vmi, n.Node, n.Disposition, n.Reason)).ToList();
        return (migrations.Count, stalled, postCopy, cannot);
    }

    // The engine's defaults, with the durations that guard against a slow machine (in model time, so they shrink in wall
    // time by the speed) stretched to keep at least their wall-clock length at speed 1: a busy machine must not make the
    // rehearsal hold or time out where the real drain would not. The lease itself is counted by PostgreSQL in wall time.
    private static DrainEngineOptions EngineOptions(double speed)
    {
        var defaults = new DrainEngineOptions();
        var lease = Stretch(TimeSpan.FromSeconds(30), speed, defaults.LeaseDuration);
        var staleBound = Stretch(TimeSpan.FromSeconds(5), speed, defaults.ViewStaleBound);
        var options = defaults with
        {
            LeaseDuration = lease,
            HeartbeatInterval = lease / 5,
            ViewStaleBound = staleBound,
            ViewStaleTimeout = Stretch(defaults.ViewStaleTimeout, speed, staleBound * 4),
            DatabaseOutageTimeout = Stretch(defaults.DatabaseOutageTimeout, speed, defaults.DatabaseOutageTimeout),
            ApiOutageTimeout = Stretch(defaults.ApiOutageTimeout, speed, defaults.ApiOutageTimeout),
        };
        options.Validate();
        return options;
    }

    private static TimeSpan Stretch(TimeSpan wall, double speed, TimeSpan atLeast) =>
        TimeSpan.FromTicks(Math.Max(atLeast.Ticks, (long)(wall.Ticks * speed)));
}
