using System.Diagnostics.Metrics;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Telemetry;

/// <summary>
/// The engine's own instruments: what only the engine sees as it happens (attempt endings, the scheduler's decision
/// time, the journal's commit time, lease take-overs). A host exports them by listening to the meter <see cref="MeterName"/>; names follow
/// OpenTelemetry's dotted form and become <c>drain_orchestrator_…</c> in Prometheus.
/// </summary>
public static class EngineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "DrainOrchestrator.Engine";

    /// <summary>The scheduler decision histogram's name.</summary>
    public const string DecisionDurationName = "drain_orchestrator.scheduler.decision.duration";

    /// <summary>The journal commit histogram's name.</summary>
    public const string JournalCommitDurationName = "drain_orchestrator.journal.commit.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> MigrationDuration = Meter.CreateHistogram<double>(
        "drain_orchestrator.migration.duration", "s", "How long migrations took from start to end, by mode and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 3600] });

    private static readonly Counter<long> MigrationFailures = Meter.CreateCounter<long>(
        "drain_orchestrator.migration.failures", description: "Migration attempts that ended without moving the VM, by reason.");

    private static readonly Counter<long> PostCopy = Meter.CreateCounter<long>(
        "drain_orchestrator.migration.postcopy", description: "Migrations that ended in post-copy mode.");

    private static readonly Counter<long> BytesMoved = Meter.CreateCounter<long>(
        "drain_orchestrator.migration.transferred", "By", "Memory transferred by migrations that ended.");

    private static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>(
        DecisionDurationName, "s", "How long one scheduler decision took.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1] });

    private static readonly Histogram<double> JournalCommitDuration = Meter.CreateHistogram<double>(
        JournalCommitDurationName, "s",
        "How long PostgreSQL took to commit a journal write the engine made in a transaction, such as the intent a migration's start waits for.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] });

    private static readonly Counter<long> LeaseTakeovers = Meter.CreateCounter<long>(
        "drain_orchestrator.lease.takeovers", description: "Drain leases acquired after an earlier owner had held them.");

    /// <summary>Records an attempt that just ended, as observed.</summary>
    public static void AttemptEnded(AttemptRecord record, AttemptObservation observation)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(observation);
        var mode = observation.Mode ?? record.Mode ?? "unknown";
        if (observation.StartedAt is { } started && observation.FinishedAt is { } finished && finished >= started)
        {
            MigrationDuration.Record((finished - started).TotalSeconds,
                new("mode", mode), new("outcome", observation.Outcome.ToDatabase()));
        }

        if (observation.Outcome != AttemptOutcome.Succeeded)
        {
            MigrationFailures.Add(1, new KeyValuePair<string, object?>("reason", observation.FailureClass ?? "Unknown"));
        }

        if (mode == "PostCopy")
        {
            PostCopy.Add(1);
        }

        if ((observation.BytesProcessed ?? record.BytesProcessed) is { } bytes && bytes > 0)
        {
            BytesMoved.Add(bytes);
        }
    }

    /// <summary>Records one scheduler decision's duration.</summary>
    public static void Decided(TimeSpan elapsed) => DecisionDuration.Record(elapsed.TotalSeconds);

    /// <summary>Records how long one journal write's commit took.</summary>
    public static void Committed(TimeSpan elapsed) => JournalCommitDuration.Record(elapsed.TotalSeconds);

    /// <summary>Records the acquisition of a drain lease that an earlier owner had held (epoch above 1).</summary>
    public static void LeaseAcquired(long epoch)
    {
        if (epoch > 1)
        {
            LeaseTakeovers.Add(1);
        }
    }
}
