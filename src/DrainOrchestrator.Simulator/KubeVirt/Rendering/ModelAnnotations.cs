namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// The annotations the model publishes (its hints, when the scenario sets <c>hints: true</c>): rendered into the
/// metadata and owned key by key, so a client's other annotations stay as they are and, without hints, nothing is owned.
/// </summary>
internal static class ModelAnnotations
{
    public static Dictionary<string, string>? Render(IReadOnlyDictionary<string, string> annotations) =>
        annotations.Count == 0 ? null : new Dictionary<string, string>(annotations, StringComparer.Ordinal);

    /// <summary><paramref name="paths"/> plus one path per annotation key the model publishes.</summary>
    public static IReadOnlyList<string[]> Owned(IReadOnlyList<string[]> paths, IReadOnlyDictionary<string, string> annotations) =>
        annotations.Count == 0 ? paths : [.. paths, .. annotations.Keys.Order(StringComparer.Ordinal).Select(k => new[] { "metadata", "annotations", k })];
}
