using System.Text.Json;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Persistence.Evacuations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>
/// Every use case of decentralized evacuations, once: start (validate, preflight both sides, plan, record), run (or
/// resume) to the end, cancel, status, list and report. drainctl (embedded) calls this and nothing below it; the server will too.
/// Problems with a request, and a preflight refusal (nothing created), come back as an <see cref="InvalidRequestException"/>;
/// an unknown evacuation as an <see cref="EvacuationNotFoundException"/>; an unusable kubeconfig as a
/// <see cref="ClusterUnavailableException"/>.
/// </summary>
public sealed class EvacuationApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<EvacuationApplication>();

    private EvacuationStore Store => new(dataSource);

    /// <summary>
    /// Validates <paramref name="spec"/>, runs preflight on both sides and records the evacuation with its plan, or attaches
    /// to the unfinished evacuation of the same source namespace (one being cancelled too: running it finishes the cancel,
    /// so a drainctl run stopped mid-cancel is resumed by the same command). Nothing is created in a cluster.
    /// </summary>
    public async Task<StartedEvacuation> StartAsync(EvacuationSpec spec, Caller caller, FrontDoor door, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(caller);
        var options = OptionsOf(spec);
        var problems = EvacuationValidation.Problems(spec, door, options.Problems());
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        await using var sides = OpenedSides.Open(spec.SourceCluster, spec.TargetCluster, timeProvider, loggerFactory);
        var running = (await Store.ListAsync(cancellationToken)).FirstOrDefault(e => e.State.IsUnfinished()
            && e.SourceCluster == sides.Sides.SourceCluster && e.SourceNamespace == spec.SourceNamespace);
        if (running is not null)
        {
            EvacuationLog.Attached(_logger, running.Id);
            return new StartedEvacuation(EvacuationView.Of(running, await Store.VmsAsync(running.Id, cancellationToken)), true);
        }

        var selection = new EvacuationSelection(spec.SourceNamespace, spec.TargetNamespace, spec.VmNames, spec.Selector);
        EvacuationPreflightResult preflight;
        try
        {
            preflight = await ClusterCallAsync(sides.Sides, () => EvacuationPreflight.CheckAsync(sides.Sides, selection, options, cancellationToken));
        }
        catch (ClusterUnavailableException ex) when (spec.Selector is { } selector
            && ex.InnerException is Kubernetes.Errors.KubernetesApiException { StatusCode: System.Net.HttpStatusCode.BadRequest } refused)
        {
            // The API server is the judge of a label selector's syntax: its 400 on the list is the operator's to fix.
            throw new InvalidRequestException([new RequestProblem("selector",
                $"the API server refused the label selector '{selector}': {refused.Message}; write it as kubectl -l takes it (app=db,tier in (a,b))")]);
        }

        if (!preflight.Passed)
        {
            EvacuationLog.Refused(_logger, string.Join("; ", preflight.Problems));
            throw new InvalidRequestException([.. preflight.Problems.Select(p => new RequestProblem("preflight", $"preflight: {p}"))]);
        }

        var plan = EvacuationPlanner.Plan(preflight.Candidates, preflight.PairsPerWave);
        var (record, attached) = await Store.CreateOrAttachAsync(new NewEvacuation(Guid.NewGuid(), sides.Sides.SourceCluster, spec.SourceNamespace,
            sides.Sides.TargetCluster, spec.TargetNamespace, spec.StorageClass, spec.MaxAttempts, spec.KeepReceiversOnFailure, caller.ToString(), plan),
            timeProvider.GetUtcNow(), cancellationToken);
        EvacuationLog.Recorded(_logger, record.Id, caller.ToString(), plan.Count, $"{spec.SourceNamespace}@{record.SourceCluster}",
            $"{spec.TargetNamespace}@{record.TargetCluster}");
        return new StartedEvacuation(EvacuationView.Of(record, await Store.VmsAsync(record.Id, cancellationToken)), attached);
    }

    /// <summary>
    /// Runs (or resumes) evacuation <paramref name="id"/> to its end on <paramref name="sourceCluster"/> and
    /// <paramref name="targetCluster"/> (null: the source cluster), which must be the clusters it was started on; its
    /// policy is the stored one. <paramref name="progress"/> hears each VM that ends.
    /// </summary>
    public async Task<EvacuationView> RunAsync(Guid id, ClusterTarget sourceCluster, ClusterTarget? targetCluster, DrainEngineOptions engine,
        IProgress<EvacuationVmView>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceCluster);
        ArgumentNullException.ThrowIfNull(engine);
        var evacuation = await Store.GetAsync(id, cancellationToken) ?? throw new EvacuationNotFoundException($"evacuation {id} does not exist");
        await using var sides = OpenedSides.Open(sourceCluster, targetCluster, timeProvider, loggerFactory);
        if (sides.Sides.SourceCluster != evacuation.SourceCluster || sides.Sides.TargetCluster != evacuation.TargetCluster)
        {
            throw new InvalidRequestException([new RequestProblem("cluster",
                $"evacuation {id} moves from {evacuation.SourceCluster} to {evacuation.TargetCluster}, but the kubeconfigs given name "
                + $"{sides.Sides.SourceCluster} and {sides.Sides.TargetCluster}: give the contexts it was started with")]);
        }

        var runner = new EvacuationRunner(dataSource, sides.Sides, engine, new EvacuationOptions(), timeProvider, loggerFactory);
        var sink = progress is null ? null : new DirectProgress(vm => progress.Report(EvacuationView.Of(evacuation, [vm]).Vms[0]));
        var result = await ClusterCallAsync(sides.Sides, () => runner.RunAsync(id, sink, cancellationToken));
        return EvacuationView.Of(result);
    }

    /// <summary>
    /// Cancels evacuation <paramref name="id"/>, journaled with <paramref name="caller"/>: recorded as <c>cancelling</c>
    /// in PostgreSQL for whichever process owns it (now, or after a restart). That owner leaves VMs not started alone,
    /// aborts moves not yet handed off (both VMIMs deleted), lets moves past the hand-off finish, and ends the evacuation
    /// <c>cancelled</c>. Not accepted when it has ended.
    /// </summary>
    public async Task<EvacuationCancelOutcome> CancelAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var result = await Store.CancelAsync(id, caller.ToString(), timeProvider.GetUtcNow(), cancellationToken)
            ?? throw new EvacuationNotFoundException($"evacuation {id} does not exist");
        EvacuationLog.CancelRequested(_logger, id, caller.ToString(), result.Message);
        return new EvacuationCancelOutcome(result.Accepted, result.Message, await GetAsync(id, cancellationToken));
    }

    /// <summary>An evacuation's status with its VMs.</summary>
    public async Task<EvacuationView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var evacuation = await Store.GetAsync(id, cancellationToken) ?? throw new EvacuationNotFoundException($"evacuation {id} does not exist");
        return EvacuationView.Of(evacuation, await Store.VmsAsync(id, cancellationToken));
    }

    /// <summary>Every evacuation, newest first, with its VMs.</summary>
    public async Task<IReadOnlyList<EvacuationView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<EvacuationView>();
        foreach (var evacuation in await Store.ListAsync(cancellationToken))
        {
            views.Add(EvacuationView.Of(evacuation, await Store.VmsAsync(evacuation.Id, cancellationToken)));
        }

        return views;
    }

    /// <summary>The report of an evacuation as JSON: source and target namespace and cluster per VM, outcome, attempts, and the journal.</summary>
    public async Task WriteReportAsync(Guid id, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var view = await GetAsync(id, cancellationToken);
        var journal = await Store.JournalAsync(id, cancellationToken);
        var report = new EvacuationReport(view, [.. journal.Select(j => new EvacuationReportEntry(j.Seq, j.OccurredAt, j.Kind, j.VmName, j.Attempt,
            j.Side, j.ObjectName, j.Detail))]);
        await output.WriteLineAsync(JsonSerializer.Serialize(report, EvacuationJsonContext.Default.EvacuationReport).AsMemory(), cancellationToken);
    }

    private static EvacuationOptions OptionsOf(EvacuationSpec spec) => new()
    {
        MaxAttempts = spec.MaxAttempts,
        KeepReceiversOnFailure = spec.KeepReceiversOnFailure,
        StorageClass = spec.StorageClass,
    };

    private static async Task<T> ClusterCallAsync<T>(EvacuationSides sides, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Kubernetes.Errors.KubernetesApiException ex)
        {
            throw new ClusterUnavailableException($"cannot read {sides.SourceCluster}"
                + (sides.SameCluster ? string.Empty : $" or {sides.TargetCluster}") + $": {ex.Message}", isConfiguration: false, ex.IsRetryable, ex);
        }
    }

    /// <summary>Reports on the runner's thread, in order (a posted report could be lost when the command exits).</summary>
    private sealed class DirectProgress(Action<EvacuationVmRecord> report) : IProgress<EvacuationVmRecord>
    {
        public void Report(EvacuationVmRecord value) => report(value);
    }
}
