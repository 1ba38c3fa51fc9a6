namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Where one planned VMI stands, recomputed from the attempts and the cluster on every decision.</summary>
internal enum ItemState : byte
{
    Done,
    InFlight,
    Eligible,
    Waiting,
    GivenUp,
}
