namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Where a kind lives in the Kubernetes API: enough to build its REST paths.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>VirtualMachineInstance</c>.</param>
/// <param name="Plural">The lower-case plural resource name used in paths.</param>
/// <param name="Namespaced">Whether objects of this kind live in a namespace.</param>
public sealed record ResourceDescriptor(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The apiVersion string: <c>v1</c> for the core group, otherwise <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind of the list type, e.g. <c>NodeList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>
    /// Path of the collection, e.g. <c>/api/v1/nodes</c> or <c>/apis/kubevirt.io/v1/namespaces/ns/virtualmachineinstances</c>.
    /// A namespaced kind with no namespace gives the all-namespaces collection.
    /// </summary>
    public string GetCollectionPath(string? @namespace = null)
    {
        if (!Namespaced && !string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Kind} is cluster-scoped and takes no namespace.", nameof(@namespace));
        }

        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return string.IsNullOrEmpty(@namespace)
            ? $"{root}/{Plural}"
            : $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";
    }

    /// <summary>Path of one object.</summary>
    public string GetObjectPath(string? @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required.", nameof(@namespace));
        }

        return $"{GetCollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
    }
}
