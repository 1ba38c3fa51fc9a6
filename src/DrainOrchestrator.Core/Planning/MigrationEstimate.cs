namespace DrainOrchestrator.Core.Planning;

/// <summary>A predicted migration.</summary>
/// <param name="Duration">From VMIM creation to the end (to the abort when it will not complete).</param>
/// <param name="Mode">Pre-copy, post-copy, or will not complete.</param>
/// <param name="BandwidthBytesPerSecond">The bandwidth the prediction assumed.</param>
/// <param name="TransferredBytes">Bytes predicted to cross the network.</param>
public sealed record MigrationEstimate(
    TimeSpan Duration, MigrationMode Mode, long BandwidthBytesPerSecond, long TransferredBytes)
{
    /// <summary>Whether the migration is predicted to complete (in either mode).</summary>
    public bool Completes => Mode != MigrationMode.WillNotComplete;
}
