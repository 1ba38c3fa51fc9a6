using System.Collections.Concurrent;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>The workflow instances this process runs now, so neither a second job nor the supervisor starts another run of one here.</summary>
internal sealed class RunningWorkflows
{
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    public bool TryBegin(Guid instanceId) => _running.TryAdd(instanceId, 0);

    public void End(Guid instanceId) => _running.TryRemove(instanceId, out _);

    public bool Contains(Guid instanceId) => _running.ContainsKey(instanceId);
}
