using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

internal sealed partial class WorkflowRunner
{
    /// <summary>Runs evacuate steps; null when the runner was built without them (such a step then fails, saying so).</summary>
    public EvacuationApplication? Evacuations { get; init; }

    // The evacuation's id is kept in the step's detail (and journaled) as soon as it is recorded, so a run after a crash
    // resumes that evacuation instead of starting another; a crash between the record and the detail is covered too,
    // because a start attaches to the unfinished evacuation of the same source namespace. The evacuation's own lease
    // fencing makes the resumed run adopt what the first created.
    private async Task<string?> EvacuateAsync(EvacuateStep step, string key, WorkflowStepRecord record, StepDetail detail,
        CancellationToken cancellationToken)
    {
        if (Evacuations is not { } evacuations)
        {
            return "this engine cannot run evacuate steps";
        }

        Guid id;
        if (JsonNode.Parse(record.DetailJson)?["evacuation"]?["id"]?.GetValue<string>() is { } kept && Guid.TryParse(kept, out var resumed))
        {
            id = resumed;
        }
        else
        {
            var spec = new EvacuationSpec(step.FromNamespace, step.ToNamespace, step.Vms, step.Selector, cluster.Target, TargetCluster: null)
            {
                MaxAttempts = step.MaxAttempts ?? Engine.Evacuate.EvacuationOptions.DefaultMaxAttempts,
                KeepReceiversOnFailure = step.KeepReceiversOnFailure,
                StorageClass = step.StorageClass,
            };
            StartedEvacuation started;
            try
            {
                started = await evacuations.StartAsync(spec, new Caller(_instance.Name, "workflow"), FrontDoor.Api, cancellationToken);
            }
            catch (InvalidRequestException ex)
            {
                return "the evacuation was refused: " + string.Join("; ", ex.Problems.Select(p => p.Message));
            }

            id = started.Evacuation.Id;
            detail.Add("evacuation", new JsonObject { ["id"] = id.ToString("D"), ["attached"] = started.Attached });
            await store.SetStepDetailAsync(_instance.Id, key, detail.ToJson(), cancellationToken);
            await store.JournalAsync(_instance.Id, new WorkflowEvacuationStarted(key, id, step.FromNamespace, step.ToNamespace), cancellationToken);
        }

        WorkflowLog.EvacuationRunning(logger, _instance.Name, key, id, step.FromNamespace, step.ToNamespace);
        var result = await evacuations.RunAsync(id, cluster.Target, null, engine, progress: null, cancellationToken);
        var moved = result.Vms.Count(v => v.Outcome == "succeeded");
        WorkflowLog.EvacuationEnded(logger, _instance.Name, key, id, result.State, moved, result.Vms.Count);
        detail.Add("evacuation", new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["state"] = result.State,
            ["moved"] = moved,
            ["vms"] = result.Vms.Count,
            ["error"] = result.Error,
        });
        var failed = result.Vms.Where(v => v.Outcome != "succeeded").Select(v => $"{v.Name} ({v.Outcome}{(v.Failure is null ? string.Empty : ": " + v.Failure)})");
        return result.State == "succeeded" ? null
            : $"evacuation {id} ended {result.State}: {moved} of {result.Vms.Count} VMs moved; not moved: {string.Join(", ", failed)}";
    }
}
