using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

internal sealed partial class WorkflowRunner
{
    private async Task<(string? Failure, StepDetail Detail, List<string>? Chosen)> ExecuteAsync(StepDefinition step, string key, List<string> nodes,
        WorkflowStepRecord record, CancellationToken cancellationToken)
    {
        var detail = new StepDetail().Add("nodes", nodes);
        switch (step)
        {
            case SelectNodesStep select:
                var chosen = NodeSelection.Select(cluster.View.Current, select, out var problems);
                detail.Add("nodes", chosen);
                return problems.Count > 0 ? (string.Join("; ", problems), detail, null)
                    : chosen.Count == 0 ? ($"no node matches {NodeSelection.Criteria(select)}", detail, null) : (null, detail, chosen);
            case ForEachBatchStep batches:
                return (await BatchesAsync(batches, key, nodes, record, detail, cancellationToken), detail, null);
            case CordonStep or UncordonStep:
                foreach (var node in nodes)
                {
                    await cluster.Actions.SetUnschedulableAsync(node, step is CordonStep, cancellationToken);
                }

                if (step is UncordonStep)
                {
                    await UncordonConditions.MarkAsync(cluster, store, _instance.Id, key, nodes, time, cancellationToken);
                }

                return (null, detail, null);
            case DrainStep:
                return (await DrainAsync(key, nodes, detail, cancellationToken), detail, null);
            case EvacuateStep evacuate:
                return (await EvacuateAsync(evacuate, key, record, detail, cancellationToken), detail, null);
            case MovebackStep:
                return (await MovebackAsync(key, record, detail, cancellationToken), detail, null);
            case WaitForStep wait:
                return (await WaitForAsync(wait, nodes, record, detail, cancellationToken), detail, null);
            case ApprovalStep approval:
                return (await ApprovalAsync(approval, key, record, detail, cancellationToken), detail, null);
            case SoakStep soak:
                await SleepUntilAsync(record.StartedAt + soak.Duration, $"soak until {record.StartedAt + soak.Duration:u}", cancellationToken);
                return (null, detail, null);
            case ReportStep:
                detail.Add("drains", new JsonArray([.. _steps.Values.Where(s => s.Kind == nameof(StepKind.Drain))
                    .Select(s => JsonNode.Parse(s.DetailJson)?["drain"]?.DeepClone())]));
                return (null, detail, null);
            case AlertGateStep gate:
                return (await AlertGateAsync(gate, record, detail, cancellationToken), detail, null);
            case HookStep hook:
                return (await PostAsync(key, hook.Url, Context(key, nodes), hook.Retries, hook.Timeout, hook.RetryDelay, cancellationToken), detail, null);
            case NotifyStep notify:
                var undelivered = await PostAsync(key, notify.Url, NotifyBody(notify, key, nodes), 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5),
                    cancellationToken);
                if (undelivered is null)
                {
                    await store.JournalAsync(_instance.Id, new WorkflowNotificationSent(key, notify.Url.GetLeftPart(UriPartial.Path)), cancellationToken);
                }

                return (undelivered, detail, null);
            default:
                return ($"step kind {step.Kind} is not supported by this engine", detail, null);
        }
    }

    // The batches are formed once, when the step first starts, and kept: a later run (after a crash, or after the nodes'
    // labels changed) walks the same batches.
    private async Task<string?> BatchesAsync(ForEachBatchStep step, string key, List<string> nodes, WorkflowStepRecord record, StepDetail detail,
        CancellationToken cancellationToken)
    {
        var batches = JsonNode.Parse(record.DetailJson)?["batches"]?.Deserialize<List<List<string>>>(Json)
            ?? NodeSelection.Batches(cluster.View.Current, nodes, step);
        detail.Add("batches", JsonSerializer.SerializeToNode(batches, Json));
        await store.SetStepDetailAsync(_instance.Id, key, detail.ToJson(), cancellationToken);
        for (var i = 0; i < batches.Count; i++)
        {
            _batchTargets = BatchTargets.Of(batches, i, j => _steps.Values.Any(s => s.State == "skipped" && s.StepKey.StartsWith($"{key}[{j}]/", StringComparison.Ordinal)));
            try
            {
                foreach (var inner in step.Steps)
                {
                    await StepAsync(inner, $"{key}[{i}]/{inner.Id}", batches[i], cancellationToken);
                }
            }
            catch (BatchSkippedException ex)
            {
                detail.Add($"skipped[{i}]", ex.Message);
            }
        }

        _batchTargets = BatchTargets.None;
        return null;
    }

    private async Task<string?> DrainAsync(string key, List<string> nodes, StepDetail detail, CancellationToken cancellationToken)
    {
        // The drain this run of the step already started (a run after a crash, or in the next window) is gone on with,
        // or, when it ended meanwhile (an operator cancelled it between windows, the crash came after its end), is the
        // step's outcome: starting it again would undo the cancel. A step the operator resumed after a failure starts a
        // new drain, under a name of its own (names are unique for ever).
        Guid id;
        string drainName;
        if (await store.DrainsOfStepRunAsync(_instance.Id, key, cancellationToken) is [.., var earlier])
        {
            var view = await drains.GetAsync(earlier.DrainId.ToString("D"), withVms: false, cancellationToken);
            if (view.FinishedAt is not null)
            {
                var ended = new StepDrainOutcome(view.Id, view.Name, view.RecordedState, view.OutcomeReason);
                detail.Add("drain", ended.ToJson());
                return ended.Failure("drain");
            }

            (id, drainName) = (earlier.DrainId, earlier.DrainName);
        }
        else
        {
            StartedDrain started;
            try
            {
                started = await drains.StartAsync(new DrainSpec(nodes, _definition.Policy, await DrainNameAsync(key, cancellationToken))
                {
                    AvoidTargets = _batchTargets.Later,
                    PreferTargets = _batchTargets.Earlier,
                },
                    new Caller(_instance.Name, "workflow"), FrontDoor.Api, cancellationToken);
            }
            catch (InvalidRequestException ex)
            {
                return "the drain was refused: " + string.Join("; ", ex.Problems.Select(p => p.Message));
            }

            (id, drainName) = (started.Drain.Id, started.Drain.Name);
            var adopted = Adopted(started);
            await store.JournalAsync(_instance.Id, new WorkflowDrainStarted(key, id, drainName, adopted ? true : null), cancellationToken);
            if (await store.ReadStateAsync(_instance.Id, cancellationToken) == "cancelled")
            {
                // The instance was cancelled while this drain was being started: its cancel could not see it, so it is
                // sent now (not to a drain it adopted: that one is its owner's, and the instance stops here).
                if (adopted)
                {
                    throw new WorkflowStoppedException("cancelled by an operator", cancelled: true);
                }

                await drains.SignalAsync(id.ToString("D"), DrainSignal.Cancel, new Caller(_instance.Name, "workflow"), cancellationToken);
            }
        }

        detail.Add("drain", new JsonObject { ["id"] = id.ToString("D"), ["name"] = drainName });
        var window = await WindowAsync(cancellationToken);
        var result = await drains.RunAsync(id, engine, Progress, window, cancellationToken);
        if (result.State == DrainRunState.Suspended)
        {
            // The step stays running with its drain: the run in the next window attaches to the same drain and goes on.
            await store.SetStepDetailAsync(_instance.Id, key, detail.ToJson(), cancellationToken);
            throw new WorkflowSuspendedException($"the next window of its schedule: drain {drainName} is suspended ({result.Reason})");
        }

        var outcome = new StepDrainOutcome(id, drainName, result.State.ToString().ToLowerInvariant(), result.Reason);
        detail.Add("drain", outcome.ToJson());
        return outcome.Failure("drain");
    }

    // Whether a start attached to an unfinished drain of the same nodes that someone else started (not one this
    // instance started before a crash and then attached to again).
    private bool Adopted(StartedDrain started) => started.Attached && started.Drain.RequestedBy != new Caller(_instance.Name, "workflow").ToString();

    // The step's drain is named after the instance and the step; a retry of the step (after a failure the operator
    // resumed) gets the first free name of name-2, name-3 and so on. At most 200 characters.
    private async Task<string> DrainNameAsync(string key, CancellationToken cancellationToken)
    {
        // '/' is not in drain names (the API's paths name them); an instance named before that rule may hold one.
        var name = $"{_instance.Name.Replace('/', '-')}-{key.Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal).Replace('/', '-')}";
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? string.Empty : "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = name[..Math.Min(name.Length, 200 - suffix.Length)] + suffix;
            if (!await drains.NameTakenAsync(candidate, cancellationToken))
            {
                return candidate;
            }
        }
    }

    // The window of the occurrence that fired this instance (the latest, when one resumed it); null when no schedule did.
    private async Task<MaintenanceWindow?> WindowAsync(CancellationToken cancellationToken) =>
        await new ScheduleStore(store.DataSource, time).WindowOfAsync(_instance.Id, cancellationToken) is { } w ? new MaintenanceWindow(w.Start, w.End) : null;

    private async Task<string?> WaitForAsync(WaitForStep wait, List<string> nodes, WorkflowStepRecord record, StepDetail detail, CancellationToken cancellationToken)
    {
        var deadline = record.StartedAt + wait.Timeout;
        var what = WorkflowConditions.Describe(wait.Condition);
        await SetWaitingAsync($"nodes {string.Join(", ", nodes)} to be {what} (until {deadline:u})", cancellationToken);
        while (true)
        {
            var pending = nodes.Where(n => !WorkflowConditions.Holds(cluster.View.Current.FindNode(n), wait.Condition)).ToList();
            if (pending.Count == 0)
            {
                await SetWaitingAsync(null, cancellationToken);
                return null;
            }

            if (time.GetUtcNow() >= deadline)
            {
                detail.Add("pending", pending);
                await SetWaitingAsync(null, cancellationToken);
                return $"{string.Join(", ", pending)} not {what} within {wait.Timeout}";
            }

            await ThrowIfCancelledAsync(cancellationToken);
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private async Task<string?> ApprovalAsync(ApprovalStep step, string key, WorkflowStepRecord record, StepDetail detail, CancellationToken cancellationToken)
    {
        await SetWaitingAsync($"approval of step {key}: {step.Message}", cancellationToken, approvalStep: key);
        while (true)
        {
            if (await store.ApprovedByAsync(_instance.Id, key, cancellationToken) is { } by)
            {
                detail.Add("approvedBy", by);
                await SetWaitingAsync(null, cancellationToken);
                return null;
            }

            if (step.Timeout is { } timeout && time.GetUtcNow() >= record.StartedAt + timeout)
            {
                await SetWaitingAsync(null, cancellationToken);
                return $"not approved within {timeout}";
            }

            await ThrowIfCancelledAsync(cancellationToken);
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private async Task SleepUntilAsync(DateTimeOffset until, string waitingFor, CancellationToken cancellationToken)
    {
        await SetWaitingAsync(waitingFor, cancellationToken);
        while (time.GetUtcNow() < until)
        {
            await ThrowIfCancelledAsync(cancellationToken);
            var left = until - time.GetUtcNow();
            await Task.Delay(left < PollInterval ? (left < TimeSpan.Zero ? TimeSpan.Zero : left) : PollInterval, time, cancellationToken);
        }

        await SetWaitingAsync(null, cancellationToken);
    }
}
