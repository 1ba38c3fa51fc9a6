namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// An admission callback, called inside the store's write lock before a write is committed, in registration order.
/// It may mutate <see cref="AdmissionRequest.Object"/> and may read the store, but must not write to it and must
/// return quickly: every other write waits for it.
/// </summary>
public interface IStoreWriteHook
{
    /// <summary>Admits or denies a write.</summary>
    AdmissionResult Admit(AdmissionRequest request);
}
