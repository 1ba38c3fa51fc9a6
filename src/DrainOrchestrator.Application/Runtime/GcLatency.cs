using System.Runtime;

namespace DrainOrchestrator.Application.Runtime;

/// <summary>
/// The garbage collector's latency mode of a process that runs drains (drainctl, its server, and the benches that
/// measure the engine). The engine holds the informers' cache of every VMI, node and migration in memory; at 5,000
/// nodes and 100,000 VMIs a blocking full collection of that heap stopped the process for 811 ms in the middle of a
/// drain (the engine-at-scale bench, session 20), which was the slot refill's p99 by itself. Sustained low latency keeps
/// the full collections in the background (concurrent, on by default) and leaves blocking ones for when the machine is
/// short of memory.
/// </summary>
public static class GcLatency
{
    /// <summary>Sets sustained low latency, unless DRAIN_GC_LATENCY=default asks for the runtime's own (to compare).</summary>
    /// <returns>The mode now in effect.</returns>
    public static GCLatencyMode Apply()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("DRAIN_GC_LATENCY"), "default", StringComparison.OrdinalIgnoreCase))
        {
            // Without concurrent collection the runtime ignores the request and keeps its mode.
            GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        }

        return GCSettings.LatencyMode;
    }
}
