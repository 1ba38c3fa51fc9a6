namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>
/// Tests that compare a drain run many times faster than real time (drain-sim at speed 20 or 50) with its model-time
/// schedule: a second of the engine's reaction is 20 or 50 model seconds there, so the load of other end-to-end tests
/// beside them on two cores shows in their results. xunit runs this collection after the others, one test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockSensitiveCollection
{
    public const string Name = "clock-sensitive";
}
