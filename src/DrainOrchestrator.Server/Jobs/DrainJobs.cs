using Hangfire;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>Puts drains on Hangfire's queue, where any replica's worker picks them up.</summary>
internal sealed class DrainJobs(IBackgroundJobClient client)
{
    public string Enqueue(Guid drainId) => client.Enqueue<DrainJob>(job => job.RunAsync(drainId, CancellationToken.None));
}
