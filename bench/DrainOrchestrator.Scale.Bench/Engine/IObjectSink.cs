using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>Where the simulated cluster sends what its informers would deliver: lists, then one change at a time.</summary>
internal interface IObjectSink
{
    void Replace<T>(IEnumerable<T> items)
        where T : KubernetesObject;

    void Upsert<T>(T item)
        where T : KubernetesObject;

    void Remove<T>(string key)
        where T : KubernetesObject;
}
