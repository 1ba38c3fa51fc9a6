using Hangfire;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>Puts evacuations on Hangfire's queue, where any replica's worker picks them up.</summary>
internal sealed class EvacuationJobs(IBackgroundJobClient client)
{
    public string Enqueue(Guid evacuationId) => client.Enqueue<EvacuationJob>(job => job.RunAsync(evacuationId, CancellationToken.None));
}
