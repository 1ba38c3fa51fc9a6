using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

public sealed partial class WorkflowApplication
{
    /// <summary>
    /// A dry run of the workflow's drains on the cluster as it is now: its nodes chosen and batched as a run would choose
    /// them, each batch planned in turn (later batches avoided, earlier ones preferred), and the VMs that will move twice
    /// named with why. Nothing is recorded; an invalid file is <see cref="InvalidWorkflowException"/> with every problem
    /// at its file:line:column, as a start reports them.
    /// </summary>
    public WorkflowPlanView Plan(WorkflowSource source, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        var connection = cluster ?? throw new InvalidOperationException("Planning a workflow needs a cluster connection.");
        var definition = source.Bind(arguments);

        var state = connection.View.Current;
        var nodes = new List<string>();
        var batches = new List<IReadOnlyList<string>>();
        var selectProblems = new List<RequestProblem>();
        foreach (var step in definition.Steps)
        {
            switch (step)
            {
                case SelectNodesStep select:
                    nodes = NodeSelection.Select(state, select, out var found);
                    selectProblems.AddRange(found.Select(f => new RequestProblem(step.Id, $"step {step.Id}: {f}")));
                    if (found.Count == 0 && nodes.Count == 0)
                    {
                        // A run would fail this step: the plan says so rather than "0 drains".
                        selectProblems.Add(new RequestProblem(step.Id, $"step {step.Id}: no node matches {NodeSelection.Criteria(select)}"));
                    }

                    break;
                case ForEachBatchStep each when each.Steps.Any(s => s is DrainStep):
                    batches.AddRange(NodeSelection.Batches(state, nodes, each));
                    break;
                case DrainStep:
                    batches.Add(nodes);
                    break;
            }
        }

        return selectProblems.Count > 0
            ? throw new InvalidRequestException(selectProblems)
            : new WorkflowPlanView(definition.Name, BatchForecaster.Forecast(SnapshotMapper.Map(state), batches, definition.Policy));
    }
}
