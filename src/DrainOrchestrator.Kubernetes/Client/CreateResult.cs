using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>The outcome of <see cref="KubernetesClient.CreateOrAdoptAsync{T}"/>.</summary>
/// <typeparam name="T">The created kind.</typeparam>
/// <param name="Object">The object as the server holds it: the one just created, or the one that already existed.</param>
/// <param name="Adopted">True when the name was taken and the existing object is returned instead of a new one.</param>
public sealed record CreateResult<T>(T Object, bool Adopted)
    where T : KubernetesObject;
