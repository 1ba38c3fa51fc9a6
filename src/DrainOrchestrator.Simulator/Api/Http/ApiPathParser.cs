using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>
/// Splits a resource URL (<c>/api/v1/…</c> or <c>/apis/GROUP/VERSION/…</c>) into type, namespace, name and subresource,
/// including the legacy <c>/watch/</c> prefix.
/// </summary>
internal static class ApiPathParser
{
    /// <summary>The parsed parts, or null when the path names no served resource.</summary>
    public static (ResourceType Type, string? Namespace, string? Name, string? Subresource, bool WatchPrefix)? Parse(
        ResourceRegistry registry, string group, string version, ReadOnlySpan<string> rest)
    {
        var watchPrefix = rest.Length > 0 && rest[0] == "watch";
        if (watchPrefix)
        {
            rest = rest[1..];
        }

        if (rest.Length >= 3 && rest[0] == "namespaces" && registry.Find(group, version, rest[2]) is { Namespaced: true } namespaced)
        {
            return rest.Length <= 5 ? (namespaced, rest[1], At(rest, 3), At(rest, 4), watchPrefix) : null;
        }

        if (rest.Length is 0 or > 3 || registry.Find(group, version, rest[0]) is not { } type)
        {
            return null;
        }

        // A namespaced type addressed without a namespace only has collections (all namespaces).
        if (type.Namespaced && rest.Length > 1)
        {
            return null;
        }

        return (type, null, At(rest, 1), At(rest, 2), watchPrefix);
    }

    private static string? At(ReadOnlySpan<string> parts, int index) => index < parts.Length ? parts[index] : null;
}
