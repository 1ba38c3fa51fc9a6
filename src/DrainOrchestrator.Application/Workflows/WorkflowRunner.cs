using System.Text.Json;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// Runs one workflow instance to its end from the definition it pinned: each step, per batch, is recorded when it
/// starts and ends, so a run after a crash skips what finished and resumes what waits (its deadlines kept). A failed
/// step stops the workflow, skips its batch, or pauses for an operator, per its failure policy.
/// </summary>
internal sealed partial class WorkflowRunner(
    WorkflowStore store, DrainApplication drains, ClusterConnection cluster, DrainEngineOptions engine, HttpClient http,
    TimeProvider time, ILogger logger)
{
    /// <summary>How often waits look at the cluster, at approvals and at the instance's signals.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Gets the progress of each drain step as it runs; null when nobody watches.</summary>
    public IProgress<DrainProgress>? Progress { get; init; }

    /// <summary>Gets what the run waits for each time that changes (null when it goes on); null when nobody watches.</summary>
    public IProgress<WorkflowWait?>? Waits { get; init; }

    private WorkflowInstanceRecord _instance = null!;
    private WorkflowDefinition _definition = null!;
    private Dictionary<string, WorkflowStepRecord> _steps = new(StringComparer.Ordinal);

    // The last wait reported (so a gate that stays blocked reports once), and the wait a pause interrupted.
    private WorkflowWait? _reported;
    private WorkflowWait? _waiting;

    public async Task<WorkflowInstanceRecord> RunAsync(Guid id, CancellationToken cancellationToken)
    {
        _instance = await store.FindAsync(id.ToString("D"), cancellationToken) ?? throw new ArgumentException($"There is no workflow instance {id}.", nameof(id));
        if (_instance.IsFinal)
        {
            return _instance;
        }

        var arguments = JsonSerializer.Deserialize<Dictionary<string, string>>(_instance.ArgumentsJson, Json) ?? [];
        var (definition, problems) = WorkflowParser.Parse(_instance.Definition, _instance.Workflow + ".yaml", arguments);
        if (definition is null)
        {
            await store.SetStateAsync(id, "failed", null, "the pinned definition no longer parses: " + string.Join("; ", problems), cancellationToken);
            return (await store.FindAsync(id.ToString("D"), cancellationToken))!;
        }

        await using var lease = await InstanceLease.TryAcquireAsync(new LeaseStore(store.DataSource), id, engine.Holder, engine.LeaseDuration, time,
            cancellationToken);
        if (lease is null)
        {
            // Another process runs it; this one has nothing to do (a resume only changed its state).
            return _instance;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        cancellationToken = linked.Token;
        _definition = definition;
        _steps = (await store.StepsAsync(id, cancellationToken)).ToDictionary(s => s.StepKey, StringComparer.Ordinal);
        if (_instance.State is "pending" or "waiting" or "suspended")
        {
            await store.SetStateAsync(id, "running", null, null, cancellationToken);
        }

        try
        {
            var nodes = new List<string>();
            foreach (var step in definition.Steps)
            {
                try
                {
                    nodes = await StepAsync(step, step.Id, nodes, cancellationToken) ?? nodes;
                }
                catch (BatchSkippedException)
                {
                    // A top-level step skipped under its failure policy: the workflow goes on with the next one.
                }
            }

            await store.SetStateAsync(id, "succeeded", null, "every step finished", cancellationToken);
        }
        catch (WorkflowSuspendedException ex)
        {
            if ((await store.SuspendAsync(id, ex.Message, cancellationToken)).Orphaned is { } schedule)
            {
                WorkflowLog.SuspendedWithoutSchedule(logger, _instance.Name, schedule);
            }
        }
        catch (WorkflowStoppedException ex)
        {
            await store.SetStateAsync(id, ex.Cancelled ? "cancelled" : "failed", null, ex.Message, cancellationToken);
        }

        return (await store.FindAsync(id.ToString("D"), cancellationToken))!;
    }

    // Runs one step (or, for a forEachBatch, its batches); returns the nodes the following steps work on when it chose them.
    private async Task<List<string>?> StepAsync(StepDefinition step, string key, List<string> nodes, CancellationToken cancellationToken)
    {
        while (true)
        {
            await ThrowIfCancelledAsync(cancellationToken);
            if (_steps.TryGetValue(key, out var done) && done.State is "succeeded" or "skipped")
            {
                return step is SelectNodesStep ? StepDetail.Nodes(done.DetailJson) : null;
            }

            if (done?.State == "failed")
            {
                // Failed under onFailure: pause and resumed after this process's predecessor stopped: the retry the operator
                // asked for, as the pause's own loop does.
                await store.ReopenStepAsync(_instance.Id, key, cancellationToken);
            }

            var record = await store.BeginStepAsync(_instance.Id, key, step.Kind.ToString(), "{}", cancellationToken);
            _steps[key] = record;
            WorkflowLog.StepStarted(logger, _instance.Name, key);
            var (failure, detail, chosen) = await ExecuteAsync(step, key, nodes, record, cancellationToken);
            if (failure is null)
            {
                await EndAsync(key, "succeeded", detail, cancellationToken);
                return chosen;
            }

            switch (step.OnFailure)
            {
                case StepFailurePolicy.Skip:
                    await EndAsync(key, "skipped", detail.Add("reason", failure), cancellationToken);
                    throw new BatchSkippedException(failure);
                case StepFailurePolicy.Pause:
                    await EndAsync(key, "failed", detail.Add("reason", failure), cancellationToken);
                    await PauseUntilResumedAsync($"step {key} failed: {failure}; resume to try it again, or cancel", cancellationToken);
                    _steps.Remove(key);
                    await store.ReopenStepAsync(_instance.Id, key, cancellationToken);
                    continue;
                default:
                    await EndAsync(key, "failed", detail.Add("reason", failure), cancellationToken);
                    throw new WorkflowStoppedException($"step {key} failed: {failure}", cancelled: false);
            }
        }
    }

    private async Task EndAsync(string key, string state, StepDetail detail, CancellationToken cancellationToken)
    {
        await store.EndStepAsync(_instance.Id, key, state, detail.ToJson(), cancellationToken);
        _steps[key] = _steps[key] with { State = state, DetailJson = detail.ToJson() };
        WorkflowLog.StepEnded(logger, _instance.Name, key, state);
    }

    private async Task PauseUntilResumedAsync(string reason, CancellationToken cancellationToken)
    {
        // One write: the state and why, together (a reader never sees a pause without its reason).
        await store.SetStateAsync(_instance.Id, "paused", reason, null, cancellationToken);
        Report(new WorkflowWait("paused", reason, null));
        while (await store.ReadStateAsync(_instance.Id, cancellationToken) == "paused")
        {
            await Task.Delay(PollInterval, time, cancellationToken);
        }

        await RestoreWaitAsync(cancellationToken);
        await ThrowIfCancelledAsync(cancellationToken);
    }

    // An operator's cancel ends the run at the next look; a pause holds it until resumed.
    private async Task ThrowIfCancelledAsync(CancellationToken cancellationToken)
    {
        var state = await store.ReadStateAsync(_instance.Id, cancellationToken);
        if (state == "cancelled")
        {
            throw new WorkflowStoppedException("cancelled by an operator", cancelled: true);
        }

        if (state == "paused")
        {
            var paused = await store.FindAsync(_instance.Id.ToString("D"), cancellationToken);
            Report(new WorkflowWait("paused", paused?.WaitingFor ?? "paused by an operator", null));
            while (await store.ReadStateAsync(_instance.Id, cancellationToken) == "paused")
            {
                await Task.Delay(PollInterval, time, cancellationToken);
            }

            await RestoreWaitAsync(cancellationToken);
            await ThrowIfCancelledAsync(cancellationToken);
        }
    }

    private async Task SetWaitingAsync(string? waitingFor, CancellationToken cancellationToken, string? approvalStep = null)
    {
        await store.SetStateAsync(_instance.Id, waitingFor is null ? "running" : "waiting", waitingFor, null, cancellationToken);
        _waiting = waitingFor is null ? null : new WorkflowWait("waiting", waitingFor, approvalStep);
        Report(_waiting);
    }

    // After a resume, the wait the pause interrupted (an approval still pending) is the instance's state again, for every
    // reader (the resume recorded "running"); a cancel meanwhile wins.
    private async Task RestoreWaitAsync(CancellationToken cancellationToken)
    {
        if (_waiting is { } wait && await store.ReadStateAsync(_instance.Id, cancellationToken) == "running")
        {
            await store.SetStateAsync(_instance.Id, "waiting", wait.Reason, null, cancellationToken);
        }

        Report(_waiting);
    }

    private void Report(WorkflowWait? wait)
    {
        if (wait != _reported)
        {
            _reported = wait;
            Waits?.Report(wait);
        }
    }
}
