namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>
/// The lists of the built-in types a drain touches that Kubernetes declares with <c>patchStrategy: merge</c>, by field
/// name, with their merge key (empty for lists of primitives merged as sets). Other lists are replaced.
/// </summary>
internal static class ListMergeKeys
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["finalizers"] = "",
        ["ownerReferences"] = "uid",
        ["conditions"] = "type",
        ["addresses"] = "type",
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["env"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
    };

    public static bool TryGet(string field, out string mergeKey) => Keys.TryGetValue(field, out mergeKey!);
}
