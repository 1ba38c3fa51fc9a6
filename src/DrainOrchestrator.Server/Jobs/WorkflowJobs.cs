using DrainOrchestrator.Application.Workflows;
using Hangfire;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>Puts workflow instances on Hangfire's queue, where any replica's worker picks them up.</summary>
internal sealed class WorkflowJobs(IBackgroundJobClient client, WorkflowApplication workflows)
{
    public string Enqueue(Guid instanceId) => client.Enqueue<WorkflowJob>(job => job.RunAsync(instanceId, CancellationToken.None));

    /// <summary>
    /// Enqueues the instance unless a live process holds it: after a resume or an approval, an instance whose runner
    /// died (or that waits paused with nobody polling) goes on at once instead of at the supervisor's next pass.
    /// </summary>
    public async Task<bool> EnqueueUnlessHeldAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (await workflows.IsHeldAsync(instanceId, cancellationToken))
        {
            return false;
        }

        Enqueue(instanceId);
        return true;
    }
}
