namespace DrainOrchestrator.Core.Snapshot;

/// <summary>Which planning input an operator's hint was meant to give.</summary>
public enum HintKind
{
    /// <summary>A node's migration NIC bandwidth (<see cref="NodeSnapshot.NicBandwidthBytesPerSecond"/>).</summary>
    NicBandwidth,

    /// <summary>A guest's memory dirty rate (<see cref="VmiSnapshot.DirtyRateBytesPerSecond"/>).</summary>
    DirtyRate,

    /// <summary>A guest's working set (<see cref="VmiSnapshot.WorkingSetBytes"/>).</summary>
    WorkingSet,
}
