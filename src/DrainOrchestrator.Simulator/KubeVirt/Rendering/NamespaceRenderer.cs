using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>A namespace as core/v1 Namespace: Active, labelled with its own name as kube-apiserver labels it.</summary>
public static class NamespaceRenderer
{
    /// <summary>The parts of a stored namespace the model owns.</summary>
    internal static IReadOnlyList<string[]> OwnedPaths { get; } = [["metadata", "labels"]];

    /// <summary>The namespace, with <c>kubernetes.io/metadata.name</c> added.</summary>
    public static Namespace Render(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var all = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KubeVirtNames.NamespaceNameLabel] = name,
        };
        return new Namespace
        {
            Metadata = new ObjectMeta { Name = name, Labels = Rendering.WireConversions.Labels(all) },
            Spec = new NamespaceSpec { Finalizers = ["kubernetes"] },
            Status = new NamespaceStatus { Phase = "Active" },
        };
    }
}
