namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// What a running instance waits for, as its runner reports it to whoever follows the run: an approval (with the
/// approval step's key, which <c>approve</c> takes), a window, a soak, nodes or an alert gate (state <c>waiting</c>),
/// an operator's resume (state <c>paused</c>), or its schedule's next window (state <c>suspended</c>).
/// </summary>
/// <param name="State"><c>waiting</c>, <c>paused</c> (an operator's resume ends it) or <c>suspended</c> (its schedule's next window does).</param>
/// <param name="Reason">The instance's own text for it (its <c>waitingFor</c>).</param>
/// <param name="ApprovalStep">The key of the approval step waiting; null for any other wait.</param>
public sealed record WorkflowWait(string State, string Reason, string? ApprovalStep)
{
    /// <summary>
    /// The wait an instance view shows, or null when it waits for nothing: its state and reason, and the key of the
    /// approval step running, if one is.
    /// </summary>
    public static WorkflowWait? Of(WorkflowView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.State is not ("waiting" or "paused" or "suspended") || view.WaitingFor is null)
        {
            return null;
        }

        var approval = view.Steps.FirstOrDefault(s => s.Kind == "Approval" && s.State == "running")?.Key;
        return new(view.State, view.WaitingFor, view.State == "waiting" ? approval : null);
    }
}
