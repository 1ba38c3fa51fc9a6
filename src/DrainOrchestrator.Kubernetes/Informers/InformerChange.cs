using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>One change an <see cref="Informer{T}"/> applied to its cache, delivered after the cache shows it.</summary>
/// <typeparam name="T">The informed kind.</typeparam>
/// <param name="Type">What happened.</param>
/// <param name="Key">The object's key (see <see cref="InformerKeys"/>); empty for <see cref="InformerChangeType.Relisted"/>.</param>
/// <param name="Object">The new state; for a deletion the last state; <see langword="null"/> for a relist marker.</param>
/// <param name="OldObject">The state the cache held before, if any.</param>
/// <param name="ResourceVersion">The cache's resource version after this change.</param>
public sealed record InformerChange<T>(InformerChangeType Type, string Key, T? Object, T? OldObject, string? ResourceVersion)
    where T : KubernetesObject;
