namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>What a create-once call found (<see cref="KubernetesClient.CreateOnceAsync{T}"/>).</summary>
public enum CreateOutcome
{
    /// <summary>This call created the object.</summary>
    Created,

    /// <summary>The name was taken: the existing object is returned instead (the caller checks it is the one it meant).</summary>
    Adopted,

    /// <summary>
    /// The name was taken (AlreadyExists) but its holder was gone when read: it was deleted or garbage-collected in
    /// between. Nothing was created and the object returned is the one sent; whether the vanished holder was ours (an
    /// earlier create of this name whose answer was lost) is for the caller to decide from other evidence.
    /// </summary>
    Vanished,
}
