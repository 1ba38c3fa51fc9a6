using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Application;

/// <summary>
/// Every use case of drains, once: plan, start, run, pause, resume, cancel, get, list, report and the journal. drainctl
/// (embedded) and the server both call this and nothing below it. Problems with a request come back as an
/// <see cref="InvalidRequestException"/> in the terms of the front door that was used; an unknown drain as a
/// <see cref="DrainNotFoundException"/>. The use cases that read or change the cluster need a <see cref="ClusterConnection"/>.
/// </summary>
public sealed partial class DrainApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILoggerFactory loggerFactory,
    ClusterConnection? cluster = null)
{
    // A drain's published demand counts for status while younger than this (two default lease periods).
    private static readonly TimeSpan DemandMaxAge = new DrainEngineOptions().LeaseDuration * 2;

    // How often a drainctl following a drain another process holds reads its journal.
    private static readonly TimeSpan HeldFollowInterval = TimeSpan.FromSeconds(1);

    private DrainStore Drains => new(dataSource, timeProvider);

    /// <summary>The cluster this application drains; throws when it was built without one.</summary>
    public ClusterConnection Cluster => cluster ?? throw new InvalidOperationException("This use case needs a cluster connection.");

    /// <summary>A dry run: the same validation as <see cref="StartAsync"/> but for the plan's blockers, which the plan shows.</summary>
    public async Task<PlanView> PlanAsync(DrainSpec spec, FrontDoor door, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var active = await Drains.ListAsync(activeOnly: true, cancellationToken);
        var state = Cluster.View.Current;
        // The nodes of this very request's unfinished drain are not "held by another drain" for its own plan.
        var others = active.Where(d => d.IsMoveBack || !d.Nodes.Select(n => n.NodeName).Order(StringComparer.Ordinal)
            .SequenceEqual(spec.Nodes.Order(StringComparer.Ordinal), StringComparer.Ordinal)).ToList();
        var problems = DrainValidation.Problems(state, Cluster.Cluster, spec, others, door, includeBlockers: false).ToList();
        (Core.Windows.MaintenanceWindow First, TimeSpan Later)? window = null;
        try
        {
            window = spec.Window is null ? null : WindowPlanning.Resolve(spec.Window, timeProvider.GetUtcNow(), door);
        }
        catch (InvalidRequestException ex)
        {
            problems.AddRange(ex.Problems);
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var (snapshot, history, metricsWarning) = await LearnedInputsLoader.LoadAsync(state, SnapshotMapper.Map(state), spec.Nodes,
            Cluster.Cluster, dataSource, Cluster.Metrics, loggerFactory.CreateLogger<DrainApplication>(), cancellationToken);
        var plan = DrainValidation.Plan(snapshot, history, Cluster.Cluster, spec, others);
        if (metricsWarning is not null)
        {
            plan = plan with { Warnings = [.. plan.Warnings, metricsWarning] };
        }

        return window is { } w ? PlanView.Of(plan) with { Window = WindowPlanning.Fit(plan, spec.Policy, w.First, w.Later) } : PlanView.Of(plan);
    }

    /// <summary>Validates and records a drain (or finds the one to attach to); running it is <see cref="RunAsync(Guid, DrainEngineOptions, IProgress{DrainProgress}, CancellationToken)"/>'s.</summary>
    public async Task<StartedDrain> StartAsync(DrainSpec spec, Caller caller, FrontDoor door, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (drain, attached) = await new DrainStarter(dataSource, Cluster.View, timeProvider)
            .StartAsync(Cluster.Cluster, spec, caller, door, cancellationToken);
        if (attached && PolicyDifferences.Of(drain.PolicyJson, Engine.Policy.PolicyDocument.Write(spec.Policy)) is { Count: > 0 } differ)
        {
            DrainLog.AttachedUnderItsOwnPolicy(loggerFactory.CreateLogger<DrainApplication>(), drain.Name, string.Join(", ", differ));
        }

        return new StartedDrain(DrainViews.Of(drain), attached);
    }

    /// <summary>Runs the drain in this process until it ends, this process loses it, or <paramref name="cancellationToken"/> fires.</summary>
    public Task<DrainResult> RunAsync(Guid drainId, DrainEngineOptions options, IProgress<DrainProgress>? progress,
        CancellationToken cancellationToken) => RunAsync(drainId, options, progress, null, cancellationToken);

    /// <summary>
    /// Runs the drain inside <paramref name="window"/>: nothing starts that is predicted to end after it, and when nothing
    /// more fits the drain ends the run suspended, for a run in a later window to resume.
    /// </summary>
    /// <exception cref="InvalidRequestException">The drain was recorded for another cluster than this application's.</exception>
    public async Task<DrainResult> RunAsync(Guid drainId, DrainEngineOptions options, IProgress<DrainProgress>? progress,
        Core.Windows.MaintenanceWindow? window, CancellationToken cancellationToken)
    {
        await EnsureThisClusterAsync(drainId, cancellationToken);
        return await RunHereAsync(drainId, options, progress, window, cancellationToken);
    }

    // One run in this process, the drain's cluster checked by the caller.
    private Task<DrainResult> RunHereAsync(Guid drainId, DrainEngineOptions options, IProgress<DrainProgress>? progress,
        Core.Windows.MaintenanceWindow? window, CancellationToken cancellationToken) =>
        new DrainRunner(dataSource, Cluster.View, Cluster.Actions, options, timeProvider, loggerFactory.CreateLogger<DrainRunner>())
        {
            Metrics = Cluster.Metrics,
        }.RunAsync(drainId, progress, window, cancellationToken);

    /// <summary>
    /// Runs the drain in this process until it ends, for a front door that no other process stands behind (drainctl):
    /// when another process takes the drain over, this one does not stop but follows it, waiting for its lease, and takes
    /// the drain up again if that holder stops before the end (two engines that both lost the lease to each other's
    /// stale moves must not both walk away). Returns the drain's end, or an interruption of this process's own run.
    /// </summary>
    public async Task<DrainResult> FollowAsync(Guid drainId, DrainEngineOptions options, IProgress<DrainProgress>? progress,
        Core.Windows.MaintenanceWindow? window, CancellationToken cancellationToken)
    {
        await EnsureThisClusterAsync(drainId, cancellationToken);
        var follower = new HeldDrainFollower(Drains, new JournalStore(dataSource, timeProvider), timeProvider, HeldFollowInterval);
        while (true)
        {
            // While another process holds it, show what that one journals rather than wait for the lease in silence.
            await follower.FollowAsync(drainId, progress,
                () => DrainLog.FollowingHolder(loggerFactory.CreateLogger<DrainApplication>(), drainId.ToString("D")), cancellationToken);
            var result = await RunHereAsync(drainId, options, progress, window, cancellationToken);
            if (result.State != DrainRunState.Lost || cancellationToken.IsCancellationRequested)
            {
                return result;
            }

            DrainLog.FollowingAfterLoss(loggerFactory.CreateLogger<DrainApplication>(), drainId, result.Reason);
        }
    }

    // Run (or followed) against this cluster's view, another cluster's drain would read its VMs as gone and its VMIMs as never created.
    private async Task EnsureThisClusterAsync(Guid drainId, CancellationToken cancellationToken)
    {
        if (await Drains.FindAsync(drainId.ToString("D"), cancellationToken) is { } drain && drain.Cluster != Cluster.Cluster)
        {
            throw new InvalidRequestException([new RequestProblem("drain",
                $"{drain.Name} was recorded for cluster {drain.Cluster}, not {Cluster.Cluster}: connect to its cluster to run it")]);
        }
    }

    /// <summary>One drain by id or name, with per-VM progress when <paramref name="withVms"/>.</summary>
    public async Task<DrainView> GetAsync(string idOrName, bool withVms, CancellationToken cancellationToken)
    {
        var drain = await FindAsync(idOrName, cancellationToken);
        var attempts = withVms ? await new AttemptStore(dataSource, timeProvider).ListAsync(drain.Id, cancellationToken) : null;
        var budgets = await BudgetsAsync([drain], cancellationToken);
        return DrainViews.Of(drain, attempts, budgets.GetValueOrDefault(drain.Cluster), await ViewHoldAsync(drain, cancellationToken));
    }

    /// <summary>A page of drains, newest first.</summary>
    public async Task<DrainPage> ListAsync(DrainListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<RequestProblem>();
        if (query.Limit is < 1 or > 500)
        {
            problems.Add(new("limit", $"limit must be between 1 and 500, was {query.Limit}"));
        }

        Guid? after = null;
        if (query.After is not null)
        {
            if (Guid.TryParse(query.After, out var a))
            {
                after = a;
            }
            else
            {
                problems.Add(new("after", $"after must be the 'next' token of a previous page, was '{query.After}'"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var states = query.State is { } s ? DrainViews.RecordedStates(s) : query.ActiveOnly ? DrainViews.RecordedStates(DrainStatus.Running) : null;
        var records = await Drains.ListPageAsync(states, query.Node, after, query.Limit, cancellationToken);
        var budgets = await BudgetsAsync(records, cancellationToken);
        var views = records.Select(r => DrainViews.Of(r, null, budgets.GetValueOrDefault(r.Cluster)))
            .Where(v => query.State is null || v.State == query.State).ToList();
        return new DrainPage(views, records.Count == query.Limit ? records[^1].Id.ToString("D") : null);
    }

    /// <summary>Pauses, resumes or cancels a drain; journaled with the caller's identity.</summary>
    public async Task<SignalOutcome> SignalAsync(string idOrName, DrainSignal signal, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var drain = await FindAsync(idOrName, cancellationToken);
        var journal = new JournalStore(dataSource, timeProvider);
        var result = await new SignalStore(dataSource, new DrainStateStore(dataSource, timeProvider), journal)
            .SendAsync(drain.Id, signal, caller.ToString(), cancellationToken);
        var after = DrainViews.Of(await FindAsync(drain.Id.ToString("D"), cancellationToken));
        return new SignalOutcome(result.Accepted, result.Message + (result.Accepted ? UnheldNote(after, signal) : string.Empty), after);
    }

    // A signal is recorded for the engine that holds the drain; when none does (its last one stopped), nothing acts on it
    // until one takes the drain up, which the operator should hear with the signal rather than find out from its status.
    private static string UnheldNote(DrainView drain, DrainSignal signal) => drain.State != DrainStatus.Interrupted ? string.Empty
        : $"; no engine holds the drain now (its last one stopped), so the {signal.ToString().ToLowerInvariant()} takes effect when one "
            + "takes it up: a running server does so on its own; with drainctl alone, run the drain command for its nodes again";

    /// <summary>The drain's report, from PostgreSQL alone.</summary>
    public async Task<DrainReport> ReportAsync(string idOrName, CancellationToken cancellationToken) =>
        await DrainReportReader.ReadAsync(dataSource, await FindAsync(idOrName, cancellationToken), cancellationToken);

    /// <summary>Journal events after <paramref name="afterSeq"/>, of one drain (by id or name) or of all when null.</summary>
    public async Task<IReadOnlyList<JournalEventView>> JournalAsync(string? idOrName, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        Guid? drainId = idOrName is null ? null : (await FindAsync(idOrName, cancellationToken)).Id;
        var entries = await new JournalStore(dataSource, timeProvider).ReadAfterAsync(drainId, afterSeq, Math.Clamp(limit, 1, 10_000), cancellationToken);
        return entries.Select(e => new JournalEventView(e.Seq, e.DrainId, e.OccurredAt, e.Kind, e.Actor, e.PayloadJson)).ToList();
    }

    /// <summary>The unfinished drains of this application's cluster (for a server to resume).</summary>
    public async Task<IReadOnlyList<DrainView>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        var drains = (await Drains.ListAsync(activeOnly: true, cancellationToken)).Where(d => cluster is null || d.Cluster == cluster.Cluster).ToList();
        var budgets = await BudgetsAsync(drains, cancellationToken);
        var views = new List<DrainView>(drains.Count);
        foreach (var d in drains)
        {
            views.Add(DrainViews.Of(d, null, budgets.GetValueOrDefault(d.Cluster), await ViewHoldAsync(d, cancellationToken)));
        }

        return views;
    }

    // Whether an unfinished drain holds on a stale cluster view now, from its journal (the engine may be another process).
    private async Task<ClusterViewHold?> ViewHoldAsync(DrainRecord drain, CancellationToken cancellationToken) => drain.State.IsFinal()
        ? null
        : DrainViews.HoldOf(await new JournalStore(dataSource, timeProvider).ReadAsync<DrainViewEvent>(drain.Id, cancellationToken));

    // The budget of every cluster with an unfinished drain among these, read once per cluster.
    private async Task<Dictionary<string, IReadOnlyList<DrainBudgetStatus>>> BudgetsAsync(IEnumerable<DrainRecord> drains,
        CancellationToken cancellationToken)
    {
        var store = new ClusterBudgetStore(dataSource, timeProvider);
        var budgets = new Dictionary<string, IReadOnlyList<DrainBudgetStatus>>(StringComparer.Ordinal);
        foreach (var name in drains.Where(d => !d.State.IsFinal()).Select(d => d.Cluster).Distinct(StringComparer.Ordinal))
        {
            budgets[name] = await store.ReadAsync(name, DemandMaxAge, cancellationToken);
        }

        return budgets;
    }

    /// <summary>Whether a drain (finished or not) already has <paramref name="name"/>: names are unique for ever.</summary>
    internal async Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken) =>
        await Drains.FindAsync(name, cancellationToken) is not null;

    private async Task<DrainRecord> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            throw new DrainNotFoundException(idOrName ?? string.Empty);
        }

        return await Drains.FindAsync(idOrName, cancellationToken) ?? throw new DrainNotFoundException(idOrName);
    }
}
