using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>The outcome of <see cref="KubernetesClient.CreateOrAdoptAsync{T}"/> and <see cref="KubernetesClient.CreateOnceAsync{T}"/>.</summary>
/// <typeparam name="T">The created kind.</typeparam>
/// <param name="Object">
/// The object as the server holds it: the one just created, or the one that already existed; for
/// <see cref="CreateOutcome.Vanished"/>, the object that was sent (the server holds none).
/// </param>
/// <param name="Outcome">Whether it was created, adopted, or found vanished.</param>
public sealed record CreateResult<T>(T Object, CreateOutcome Outcome)
    where T : KubernetesObject
{
    /// <summary>True when the name was taken and the existing object is returned instead of a new one.</summary>
    public bool Adopted => Outcome == CreateOutcome.Adopted;
}
