namespace DrainOrchestrator.Core.Scheduling;

/// <summary>The transfers in flight out of one source, as sharing its NIC with one more would affect them.</summary>
/// <param name="DirtyRate">
/// The dirty rates of those whose re-dirtied pages grow when slowed, added up, bytes/s: what they re-dirty while a
/// shared NIC slows them.
/// </param>
/// <param name="Bandwidth">The bandwidth they would take alone, added up, bytes/s.</param>
/// <param name="Dedicated">
/// One of those needs the NIC to itself, or one of them runs in post-copy.
/// </param>
/// <param name="Unknown">One of them is not ours, or its dirty rate is unknown: the cost of sharing cannot be predicted.</param>
/// <param name="FreeUntil">
/// When the first of the others (whose dirty pages reach their working set within their first pass) ends its first
/// pass: sharing costs them only NIC time until then; null when none.
/// </param>
/// <param name="LaterDirtyRate">The others' dirty rates added up: what sharing past <paramref name="FreeUntil"/> costs.</param>
/// <param name="LaterDedicated">One of the others needs the NIC to itself: nothing may share past <paramref name="FreeUntil"/>.</param>
internal readonly record struct SharingLoad(
    double DirtyRate, double Bandwidth, bool Dedicated, bool Unknown, DateTimeOffset? FreeUntil = null, double LaterDirtyRate = 0,
    bool LaterDedicated = false);
