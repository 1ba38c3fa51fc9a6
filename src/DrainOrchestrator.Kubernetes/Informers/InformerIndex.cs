using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>
/// A secondary index of an <see cref="Informer{T}"/>: every object is filed under the keys <see cref="KeysOf"/> returns
/// (none, one or several), and <see cref="InformerSnapshot{T}.GetByIndex"/> finds them by key.
/// </summary>
/// <typeparam name="T">The indexed kind.</typeparam>
/// <param name="Name">The index name used in look-ups.</param>
/// <param name="KeysOf">The keys of one object; must be a pure function of the object.</param>
public sealed record InformerIndex<T>(string Name, Func<T, IEnumerable<string>> KeysOf)
    where T : KubernetesObject;
