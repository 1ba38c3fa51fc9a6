namespace DrainOrchestrator.Core.Scheduling;

/// <summary>The transfers in flight out of one source, as sharing its NIC with one more would affect them.</summary>
/// <param name="DirtyRate">Their dirty rates added up, bytes/s: what they re-dirty while a shared NIC slows them.</param>
/// <param name="Bandwidth">The bandwidth they would take alone, added up, bytes/s.</param>
/// <param name="Dedicated">One of them needs the NIC to itself, or runs in post-copy.</param>
/// <param name="Unknown">One of them is not ours, or its dirty rate is unknown: the cost of sharing cannot be predicted.</param>
internal readonly record struct SharingLoad(double DirtyRate, double Bandwidth, bool Dedicated, bool Unknown);
