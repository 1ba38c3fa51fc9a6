using System.Runtime;
using DrainOrchestrator.Application.Runtime;

namespace DrainOrchestrator.Engine.Tests.Application.Runtime;

/// <summary>
/// The latency mode drainctl sets before anything else (its Program.cs), as the engine bench runs it; the test host,
/// like drainctl, collects concurrently (the runtime's default), which the mode needs.
/// </summary>
public sealed class GcLatencyTests
{
    [Fact]
    public void Apply_ConcurrentCollector_SustainedLowLatencyInEffect()
    {
        var mode = GcLatency.Apply();

        Assert.Equal(GCLatencyMode.SustainedLowLatency, mode);
        Assert.Equal(GCLatencyMode.SustainedLowLatency, GCSettings.LatencyMode);
    }
}
