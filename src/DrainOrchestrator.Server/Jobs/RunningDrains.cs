using System.Collections.Concurrent;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>The drains this process runs now, so neither a second job nor the supervisor starts another run of one here.</summary>
internal sealed class RunningDrains
{
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    public bool TryBegin(Guid drainId) => _running.TryAdd(drainId, 0);

    public void End(Guid drainId) => _running.TryRemove(drainId, out _);

    public bool Contains(Guid drainId) => _running.ContainsKey(drainId);

    public int Count => _running.Count;
}
