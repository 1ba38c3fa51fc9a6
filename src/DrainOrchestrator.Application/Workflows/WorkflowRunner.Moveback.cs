using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

internal sealed partial class WorkflowRunner
{
    // One move-back per drain this instance ran, the last drain's first: in a rolling maintenance a later batch's VMs sit
    // on the earlier batches' nodes, and leaving first makes room for the earlier batches' own VMs to come home. Each
    // move-back ended is kept in the step's detail, so a run after a crash goes on with the next drain; an unfinished one
    // is attached to (the application finds it). A drain with nothing to return is noted, not a failure.
    private async Task<string?> MovebackAsync(string key, WorkflowStepRecord record, StepDetail detail, CancellationToken cancellationToken)
    {
        var ended = JsonNode.Parse(record.DetailJson)?["movebacks"] as JsonObject ?? [];
        var results = (JsonObject)ended.DeepClone();
        var ran = _steps.Values.Where(s => s.Kind == nameof(StepKind.Drain) && s.StepKey != key)
            .OrderByDescending(s => s.StartedAt)
            .Select(s => JsonNode.Parse(s.DetailJson)?["drain"]?["id"]?.GetValue<string>()).OfType<string>().ToList();
        var failures = new List<string>();
        // A move-back this run of the step started that ended while no run watched it (a crash after its end, an
        // operator's cancel between windows) is taken as it ended: starting another would undo the cancel.
        foreach (var earlier in await store.DrainsOfStepRunAsync(_instance.Id, key, cancellationToken))
        {
            var view = await drains.GetAsync(earlier.DrainId.ToString("D"), withVms: false, cancellationToken);
            if (view is { FinishedAt: not null, ReturnsDrain: { } returned } && results[returned.ToString("D")]?["state"] is null)
            {
                var unwatched = new StepDrainOutcome(view.Id, view.Name, view.RecordedState, view.OutcomeReason);
                results[returned.ToString("D")] = unwatched.ToJson();
                if (unwatched.Failure("move-back") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        foreach (var drain in ran)
        {
            if (results[drain]?["state"] is not null)
            {
                continue;
            }

            StartedDrain started;
            try
            {
                started = await drains.MoveBackAsync(drain, new Caller(_instance.Name, "workflow"), cancellationToken);
            }
            catch (RequestConflictException ex)
            {
                // Refused for now (its VMs sit on nodes another drain holds): a failure of the step, not a settled "none",
                // so that the step run again (after a pause, in the next window) tries it again.
                failures.Add($"the move-back of {drain} is refused for now: {string.Join("; ", ex.Problems.Select(p => p.Message))}");
                continue;
            }
            catch (InvalidRequestException ex)
            {
                results[drain] = new JsonObject { ["state"] = "none", ["reason"] = string.Join("; ", ex.Problems.Select(p => p.Message)) };
                await store.SetStepDetailAsync(_instance.Id, key, detail.Add("movebacks", results.DeepClone()).ToJson(), cancellationToken);
                continue;
            }

            await store.JournalAsync(_instance.Id, new WorkflowDrainStarted(key, started.Drain.Id, started.Drain.Name, Adopted(started) ? true : null), cancellationToken);
            var result = await drains.RunAsync(started.Drain.Id, engine, Progress, await WindowAsync(cancellationToken), cancellationToken);
            if (result.State == DrainRunState.Suspended)
            {
                throw new WorkflowSuspendedException($"the next window of its schedule: move-back {started.Drain.Name} is suspended ({result.Reason})");
            }

            var outcome = new StepDrainOutcome(started.Drain.Id, started.Drain.Name, result.State.ToString().ToLowerInvariant(), result.Reason);
            results[drain] = outcome.ToJson();
            await store.SetStepDetailAsync(_instance.Id, key, detail.Add("movebacks", results.DeepClone()).ToJson(), cancellationToken);
            if (outcome.Failure("move-back") is { } failure)
            {
                failures.Add(failure);
            }
        }

        detail.Add("movebacks", results);
        return failures.Count == 0 ? null : string.Join("; ", failures);
    }
}
