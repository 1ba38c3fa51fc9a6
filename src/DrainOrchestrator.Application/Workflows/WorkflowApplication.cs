using System.Text.Json;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Persistence.Workflows;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// The use cases of maintenance workflows: start an instance from a definition file (validated, pinned), run it,
/// approve its approval steps, pause, resume or cancel it, list and show instances with their steps.
/// </summary>
public sealed partial class WorkflowApplication(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILoggerFactory loggerFactory,
    ClusterConnection? cluster = null)
{
    private WorkflowStore Store => new(dataSource, timeProvider);

    /// <summary>Validates the definition with the arguments and records a pending instance pinning its text; every problem at once otherwise.</summary>
    public async Task<WorkflowView> StartAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, Caller caller, string? name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(caller);
        var connection = cluster ?? throw new InvalidOperationException("Starting a workflow needs a cluster connection.");
        if (name is not null && ResourceName.Problem(name, "the workflow instance's name") is { } problem)
        {
            throw new InvalidRequestException([new RequestProblem("name", problem)]);
        }

        var definition = source.Bind(arguments);
        if (NodeSelection.UnknownNodes(connection.View.Current, definition) is { Count: > 0 } unknown)
        {
            throw new InvalidWorkflowException(unknown);
        }

        var id = Guid.NewGuid();
        WorkflowInstanceRecord record;
        try
        {
            record = await Store.CreateAsync(id, name ?? $"{definition.Name}-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{id.ToString("N")[..6]}",
                definition.Name, definition.Version, definition.ContentHash, source.Text, JsonSerializer.Serialize(arguments), connection.Cluster, caller.ToString(),
                cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidRequestException([new RequestProblem("name", $"a workflow instance named '{name}' exists already; choose another name")]);
        }

        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>
    /// Runs the instance in this process until it ends or <paramref name="cancellationToken"/> fires; <paramref name="progress"/>
    /// gets the progress of each drain step as it runs, and <paramref name="waits"/> what the run waits for (an approval,
    /// a window, an operator's resume) each time that changes.
    /// </summary>
    public async Task<WorkflowView> RunAsync(Guid id, DrainEngineOptions engine, HttpClient http, IProgress<DrainProgress>? progress,
        IProgress<WorkflowWait?>? waits, CancellationToken cancellationToken)
    {
        var connection = cluster ?? throw new InvalidOperationException("Running a workflow needs a cluster connection.");
        var drains = new DrainApplication(dataSource, timeProvider, loggerFactory, connection);
        var runner = new WorkflowRunner(new WorkflowStore(dataSource, timeProvider, engine.Holder), drains, connection, engine, http, timeProvider, loggerFactory.CreateLogger<WorkflowApplication>())
        {
            Progress = progress,
            Waits = waits,
            Evacuations = new Evacuations.EvacuationApplication(dataSource, timeProvider, loggerFactory),
        };
        return await ViewAsync(await runner.RunAsync(id, cancellationToken), cancellationToken);
    }

    /// <summary>One instance with its steps.</summary>
    public async Task<WorkflowView> GetAsync(string idOrName, CancellationToken cancellationToken) =>
        await ViewAsync(await FindAsync(idOrName, cancellationToken), cancellationToken);

    /// <summary>Instances, newest first.</summary>
    public async Task<IReadOnlyList<WorkflowView>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var views = new List<WorkflowView>();
        foreach (var record in await Store.ListAsync(activeOnly, 200, cancellationToken))
        {
            views.Add(await ViewAsync(record, cancellationToken));
        }

        return views;
    }

    /// <summary>Approves the approval step <paramref name="step"/> (its key, e.g. <c>service[0]/work-done</c>, or its id when unique).</summary>
    public async Task<string> ApproveAsync(string idOrName, string step, Caller caller, CancellationToken cancellationToken)
    {
        var record = await FindAsync(idOrName, cancellationToken);
        if (record.IsFinal)
        {
            // An approval of an ended instance would gate nothing, yet stand in the journal as if it had.
            throw new InvalidRequestException([new RequestProblem("step", $"{record.Name} has ended ({record.State}): there is nothing left to approve")]);
        }

        var steps = await Store.StepsAsync(record.Id, cancellationToken);
        if (steps.FirstOrDefault(s => s.StepKey == step) is { } named && named.Kind != "Approval")
        {
            throw new InvalidRequestException([new RequestProblem("step",
                $"step {step} of {record.Name} is a {named.Kind} step, not an approval: only approval steps are approved")]);
        }

        var key = steps.Any(s => s.StepKey == step) ? step
            : steps.Where(s => s.State == "running" && s.Kind == "Approval" && (s.StepKey == step || s.StepKey.EndsWith("/" + step, StringComparison.Ordinal)))
                .Select(s => s.StepKey).FirstOrDefault();
        if (key is null)
        {
            throw new InvalidRequestException([new RequestProblem("step",
                $"no approval step '{step}' is waiting in {record.Name}; waiting: {string.Join(", ", steps.Where(s => s.State == "running" && s.Kind == "Approval").Select(s => s.StepKey).DefaultIfEmpty("none"))}")]);
        }

        return await Store.ApproveAsync(record.Id, key, caller.ToString(), cancellationToken)
            ? $"{record.Name}: step {key} approved by {caller}"
            : $"{record.Name}: step {key} was approved already";
    }

    /// <summary>Pauses (<c>paused</c>), resumes (<c>running</c>) or cancels (<c>cancelled</c>) an instance; false when it ended.</summary>
    public async Task<bool> SignalAsync(string idOrName, string to, Caller caller, CancellationToken cancellationToken) =>
        (await SendAsync(idOrName, to, caller, cancellationToken)).Accepted;

    /// <summary>Pauses (<c>paused</c>), resumes (<c>running</c>) or cancels (<c>cancelled</c>) an instance, with the instance after it.</summary>
    public async Task<WorkflowSignalOutcome> SendAsync(string idOrName, string to, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (to is not ("paused" or "running" or "cancelled"))
        {
            throw new ArgumentException($"A workflow signal sets paused, running or cancelled, not '{to}'.", nameof(to));
        }

        var record = await FindAsync(idOrName, cancellationToken);
        var accepted = await Store.SignalAsync(record.Id, to, $"{to} by {caller}", caller.ToString(), cancellationToken);
        // Sent again to an instance already cancelled, a cancel still reaches its drains (the first one's cascade may
        // have been cut short).
        var cascade = to switch
        {
            "cancelled" when accepted || record.State == "cancelled" => await CascadeAsync(record.Id, DrainSignal.Cancel, caller, cancellationToken),
            "paused" when accepted => await CascadeAsync(record.Id, DrainSignal.Pause, caller, cancellationToken),
            "running" when accepted => await CascadeAsync(record.Id, DrainSignal.Resume, caller, cancellationToken),
            _ => DrainCascade.None,
        };
        var after = await ViewAsync(await FindAsync(record.Id.ToString("D"), cancellationToken), cancellationToken);
        var message = (accepted ? $"{after.Name}: {to}" : $"{after.Name}: already ended ({after.State})") + cascade.Describe()
            + (to == "cancelled" ? StillCordoned(after) : string.Empty);
        return new WorkflowSignalOutcome(accepted, message, after);
    }

    // Nodes a cordon step of the instance cordoned and no uncordon step uncordoned stay cordoned after a cancel: its
    // drains uncordon only what they cordoned themselves, and these were cordoned before them.
    private static string StillCordoned(WorkflowView instance)
    {
        static IEnumerable<string> NodesOf(WorkflowView w, string kind) => w.Steps
            .Where(s => s.Kind == kind && s.State == "succeeded")
            .SelectMany(s => StepDetail.Nodes(s.Detail) ?? []);
        var cordoned = NodesOf(instance, "Cordon").Except(NodesOf(instance, "Uncordon"), StringComparer.Ordinal).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        return cordoned.Count == 0 ? string.Empty
            : $"; the nodes its cordon step(s) cordoned stay cordoned: {string.Join(", ", cordoned)} (kubectl uncordon NODE when they may take VMs again)";
    }

    /// <summary>
    /// The journal of one instance (its state changes, every step run, approvals, gates, hooks, notifications and the
    /// drains it started), in order; with <paramref name="withDrains"/> the journals of those drains follow each one's
    /// start, so one read tells the whole run.
    /// </summary>
    public async Task<IReadOnlyList<JournalEventView>> JournalAsync(string idOrName, bool withDrains, CancellationToken cancellationToken)
    {
        var record = await FindAsync(idOrName, cancellationToken);
        var journal = new JournalStore(dataSource, timeProvider);
        var views = new List<JournalEventView>();
        foreach (var entry in await journal.ReadWorkflowAsync(record.Id, cancellationToken))
        {
            views.Add(JournalEventView.Of(entry));
            if (withDrains && entry.ReadEvent() is WorkflowDrainStarted started)
            {
                views.AddRange((await journal.ReadAsync(started.DrainId, cancellationToken)).Select(JournalEventView.Of));
            }
        }

        return views;
    }

    /// <summary>
    /// The unfinished instances of this cluster that no live process holds: interrupted ones (their runner died, their
    /// lease expired) and pending or resumed ones that nobody picked up yet. A suspended instance waits for the next
    /// occurrence of its schedule, whose firing makes it pending again, and is not among them; a pending one says since when
    /// it waits for its job.
    /// </summary>
    public async Task<IReadOnlyList<UnattendedInstance>> UnattendedAsync(CancellationToken cancellationToken)
    {
        var unfinished = (await Store.ListAsync(activeOnly: true, 10_000, cancellationToken))
            .Where(r => !r.IsFinal && r.State != "suspended" && (cluster is null || r.Cluster == cluster.Cluster)).ToList();
        var held = await new LeaseStore(dataSource).LiveAsync([.. unfinished.Select(r => InstanceLease.NameFor(r.Id))], cancellationToken);
        var unattended = new List<UnattendedInstance>();
        foreach (var r in unfinished.Where(r => !held.Contains(InstanceLease.NameFor(r.Id))))
        {
            unattended.Add(new UnattendedInstance(r.Id, r.Name, r.State, r.CreatedAt, r.StartedAt, await PendingSinceAsync(r, cancellationToken)));
        }

        return unattended;
    }

    // A pending instance that ran before was resumed by an occurrence of its schedule (a suspension's end): it waits for
    // the job that firing enqueued since then, not since its creation.
    private async Task<DateTimeOffset?> PendingSinceAsync(WorkflowInstanceRecord record, CancellationToken cancellationToken) =>
        record.State != "pending" ? null
        : record.StartedAt is null ? record.CreatedAt
        : await new ScheduleStore(dataSource, timeProvider).LastFiredAtAsync(record.Id, cancellationToken) ?? record.CreatedAt;

    /// <summary>Whether a live process holds the instance (runs it now).</summary>
    public async Task<bool> IsHeldAsync(Guid id, CancellationToken cancellationToken) =>
        (await new LeaseStore(dataSource).LiveAsync([InstanceLease.NameFor(id)], cancellationToken)).Count > 0;

    private async Task<WorkflowInstanceRecord> FindAsync(string idOrName, CancellationToken cancellationToken) =>
        await Store.FindAsync(idOrName, cancellationToken) ?? throw new DrainNotFoundException($"there is no workflow instance '{idOrName}'", new KeyNotFoundException(idOrName));

    private async Task<WorkflowView> ViewAsync(WorkflowInstanceRecord r, CancellationToken cancellationToken) => new(
        r.Id, r.Name, r.Workflow, r.WorkflowVersion, r.ContentHash, r.Cluster, r.State, r.WaitingFor, r.RequestedBy, r.CreatedAt, r.StartedAt, r.FinishedAt,
        r.OutcomeReason,
        (await Store.StepsAsync(r.Id, cancellationToken)).Select(s => new WorkflowStepView(s.StepKey, s.Kind, StepState(r, s.State), s.StartedAt, s.FinishedAt,
            s.DetailJson)).ToList());

    // A step still recorded running when its instance ended (a cancel, a failure elsewhere) runs no more: it stopped with
    // the instance, and says so rather than "running" (its record is left as the runner wrote it).
    private static string StepState(WorkflowInstanceRecord instance, string state) =>
        instance.IsFinal && state == "running" ? $"stopped ({instance.State})" : state;
}
