using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// The target start-ups a running drain observes (docs/learned-inputs.md, "Target start-up"): for each of its attempts,
/// the time from its VMIM's creation (the cluster's <c>creationTimestamp</c>, else the engine's intent) to its transfer's
/// start (the record's, else the VMI's <c>status.migrationState.startTimestamp</c> while it runs), each attempt once.
/// From <see cref="TargetStartups.MinimumSamples"/> of them the drain assumes their high percentile
/// (<see cref="TargetStartups.Of"/>) instead of what it planned with (the history's or the default), unless the policy
/// sets one. <see cref="Changes"/> counts the moves the plan should follow (at least 5% and a quarter of a second).
/// </summary>
internal sealed class StartupObservations(DrainPolicy policy, DrainPlan plan, ILogger logger, string drain)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<TimeSpan> _samples = [];
    private (DrainPlan Plan, DrainPolicy Policy)? _policyFor;
    private TimeSpan? _learned;

    /// <summary>How many times the learned start-up moved enough to plan again.</summary>
    public int Changes { get; private set; }

    /// <summary>Reads the start-ups of the attempts not read yet.</summary>
    public void Observe(IReadOnlyList<AttemptRecord> records, ClusterState cluster)
    {
        if (policy.CostModel.TargetStartupIsSet)
        {
            return;
        }

        var added = false;
        foreach (var record in records)
        {
            if (record.IsRestart || _seen.Contains(record.VmimName) || TransferStart(record, cluster) is not { } start)
            {
                continue;
            }

            _seen.Add(record.VmimName);
            var created = record.CreatedAt ?? record.IntendedAt;
            if (start >= created)
            {
                _samples.Add(start - created);
                added = true;
            }
        }

        if (added && TargetStartups.Of(_samples) is { } learned && Moved(learned))
        {
            StartupLog.Learned(logger, drain, learned.TotalSeconds, (_learned ?? plan.TargetStartup).TotalSeconds, _samples.Count);
            _learned = learned;
            Changes++;
        }
    }

    /// <summary>The policy and source to predict with: the policy's own start-up, else the drain's, else the plan's.</summary>
    public (DrainPolicy Policy, StartupSource Source) Choose() => _learned is { } learned
        ? TargetStartups.Choose(policy, learned)
        : TargetStartups.Choose(policy, plan.TargetStartupSource == StartupSource.Observed ? plan.TargetStartup : null);

    /// <summary>
    /// The policy the scheduler decides with (its NIC timeline): its cost model's start-up the one
    /// <paramref name="current"/> was predicted with; the same instance while the plan is the same.
    /// </summary>
    public DrainPolicy PolicyFor(DrainPlan current)
    {
        if (current.TargetStartupSource == StartupSource.Policy || current.TargetStartup == policy.CostModel.TargetStartup)
        {
            return policy;
        }

        if (_policyFor is { } cached && ReferenceEquals(cached.Plan, current))
        {
            return cached.Policy;
        }

        var chosen = TargetStartups.Choose(policy, current.TargetStartup).Policy;
        _policyFor = (current, chosen);
        return chosen;
    }

    private bool Moved(TimeSpan learned)
    {
        var before = _learned ?? plan.TargetStartup;
        var delta = Math.Abs((learned - before).TotalSeconds);
        return delta >= 0.25 && delta >= 0.05 * before.TotalSeconds;
    }

    // When the attempt's transfer started: the record's, else the VMI's while this attempt's migration runs or just ended.
    private static DateTimeOffset? TransferStart(AttemptRecord record, ClusterState cluster)
    {
        if (record.StartedAt is { } recorded)
        {
            return recorded;
        }

        if (record.IsFinal)
        {
            return null;
        }

        var state = cluster.FindVmi(record.VmiUid)?.Status?.MigrationState;
        var ours = state is not null && (record.VmimUid is null
            ? string.Equals(state.SourceNode, record.SourceNode, StringComparison.Ordinal) && state.Completed != true
            : string.Equals(state.MigrationUid, record.VmimUid, StringComparison.Ordinal));
        return ours ? state!.StartTimestamp : null;
    }
}
