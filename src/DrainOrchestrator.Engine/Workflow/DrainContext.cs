using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Waves;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>Everything the steps of one drain run share.</summary>
internal sealed record DrainContext(
    DrainRecord Drain,
    DrainPolicy Policy,
    IClusterView View,
    IClusterActions Actions,
    FencedWriter Writer,
    AttemptStore Attempts,
    WaveStore Waves,
    DrainStateStore States,
    JournalStore Journal,
    DrainEngineOptions Options,
    TimeProvider Time,
    ILogger Logger,
    IProgress<DrainProgress>? Progress,
    OwnershipLease Ownership,
    DatabaseOutage Outage)
{
    private InteropNotices? _interop;
    private ViewGate? _viewGate;

    /// <summary>The maintenance window of this run; null when it runs without one.</summary>
    public MaintenanceWindow? Window { get; init; }

    /// <summary>When the window admits no more migrations (its end less the policy's margin); the maximum without one.</summary>
    public DateTimeOffset WindowClosesAt => Window is { } w ? w.End - Policy.Window.Margin : DateTimeOffset.MaxValue;

    /// <summary>Where the plan reads the guests' dirty rates (docs/learned-inputs.md); null without metrics.</summary>
    public Learning.PrometheusReader? Metrics { get; init; }

    public Guid Id => Drain.Id;

    public string DrainIdText => Drain.Id.ToString("D");

    public IReadOnlyList<string> Nodes => [.. Drain.Nodes.Select(n => n.NodeName)];

    /// <summary>
    /// A move-back returns another drain's VMs to their origins: its nodes are where that drain moved them (its sources),
    /// which it neither locks, cordons nor empties.
    /// </summary>
    public bool IsMoveBack => Drain.IsMoveBack;

    /// <summary>The drain's target preference as recorded with it (a rolling upgrade's later and earlier batches).</summary>
    public TargetPreference Targets { get; } = new(
        Drain.AvoidTargets.Count == 0 ? null : Drain.AvoidTargets.ToHashSet(StringComparer.Ordinal),
        Drain.PreferTargets.Count == 0 ? null : Drain.PreferTargets.ToHashSet(StringComparer.Ordinal));

    /// <summary>The holder identity of the node Leases: one per drain, so a take-over by another process keeps them.</summary>
    public string NodeLeaseHolder => "drain-orchestrator/" + DrainIdText;

    /// <summary>Reports what the cluster refused of the interoperation, once per feature.</summary>
    public InteropNotices Interop => _interop ??= new(this);

    /// <summary>Whether the drain may act on its view of the cluster now (a stale view holds it).</summary>
    public ViewGate ViewGate => _viewGate ??= new(this);
}
