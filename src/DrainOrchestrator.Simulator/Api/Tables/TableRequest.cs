using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// A client's request for server-side printing, as kube-apiserver negotiates it: the first media range of the
/// <c>Accept</c> header that drain-sim can serve wins, so <c>application/json;as=Table;v=v1;g=meta.k8s.io,application/json</c>
/// (kubectl) gets a Table and a plain <c>application/json</c> the object or list.
/// </summary>
/// <param name="Version">The Table's version: <c>v1</c> or <c>v1beta1</c> (both of group <c>meta.k8s.io</c>).</param>
/// <param name="Include">What each row's <c>object</c> carries.</param>
internal sealed record TableRequest(string Version, IncludeObject Include)
{
    public string ApiVersion => "meta.k8s.io/" + Version;

    /// <summary>The Table request in <paramref name="accept"/>, or null when the client prefers (or only takes) JSON.</summary>
    /// <exception cref="ApiStatusException">400 for an <c>includeObject</c> other than None, Metadata or Object.</exception>
    public static TableRequest? Parse(string? accept, string? includeObject)
    {
        var version = PreferredTableVersion(accept ?? "");
        if (version is null)
        {
            return null;
        }

        var include = includeObject switch
        {
            null or "" or "Metadata" => IncludeObject.Metadata,
            "None" => IncludeObject.None,
            "Object" => IncludeObject.Object,
            _ => throw new ApiStatusException(ApiErrors.BadRequest(
                $"Invalid includeObject \"{includeObject}\": use None, Metadata or Object (or leave it out for Metadata)")),
        };
        return new TableRequest(version, include);
    }

    private static string? PreferredTableVersion(string accept)
    {
        foreach (var range in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = range.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var parameters = parts.Skip(1)
                .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            if (!parameters.TryGetValue("as", out var @as))
            {
                if (parts[0] is "application/json" or "application/*" or "*/*")
                {
                    return null;
                }

                continue;
            }

            if (@as == "Table" && parts[0] == "application/json" && parameters.GetValueOrDefault("g") == "meta.k8s.io"
                && parameters.GetValueOrDefault("v") is "v1" or "v1beta1")
            {
                return parameters["v"];
            }
        }

        return null;
    }
}
