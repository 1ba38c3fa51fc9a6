using DrainOrchestrator.Simulator.Api.Selectors;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// Reads the <see cref="RequestAttributes"/> of a request from its method, path and query alone, as kube-apiserver's
/// request-info step does before anything knows whether the resource exists: a caller without the permission gets
/// 403 for a resource that is not served, as upstream, and learns nothing more.
/// </summary>
public static class RequestAttributesParser
{
    /// <summary>
    /// Parses a request. <paramref name="segments"/> is the path split on <c>/</c>; <paramref name="watch"/> the
    /// <c>watch</c> query parameter; <paramref name="fieldSelector"/> the <c>fieldSelector</c> one, whose exact
    /// <c>metadata.name</c> names the object of a list or watch (so <c>resourceNames</c> rules can allow it).
    /// </summary>
    public static RequestAttributes Parse(string method, string path, IReadOnlyList<string> segments, string? watch, string? fieldSelector)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(segments);
        var (group, version, rest) = segments switch
        {
            ["api", var v, ..] when segments.Count > 2 => ("", v, segments.Skip(2).ToList()),
            ["apis", var g, var v, ..] when segments.Count > 3 => (g, v, segments.Skip(3).ToList()),
            _ => ("", "", []),
        };
        if (rest.Count == 0)
        {
            return new RequestAttributes { Verb = method.ToLowerInvariant(), IsResourceRequest = false, Path = path };
        }

        var watchPrefix = rest[0] == "watch";
        if (watchPrefix)
        {
            rest = rest[1..];
        }

        var @namespace = "";
        if (rest.Count > 1 && rest[0] == "namespaces")
        {
            @namespace = rest[1];
            // namespaces/NAME[/status|/finalize] is the namespace itself; namespaces/NAME/RESOURCE/... a resource in it.
            if (rest.Count > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
            }
        }

        var name = rest.Count > 1 ? rest[1] : "";
        var isWatch = watchPrefix || watch is "true" or "1";
        if (name.Length == 0 && method is "GET" or "HEAD")
        {
            name = NameSelected(fieldSelector);
        }

        return new RequestAttributes
        {
            Verb = Verb(method, rest.Count > 1, isWatch),
            ApiGroup = group,
            ApiVersion = version,
            Namespace = @namespace,
            Resource = rest.Count > 0 ? rest[0] : "",
            Name = name,
            Subresource = rest.Count > 2 ? rest[2] : "",
        };
    }

    private static string Verb(string method, bool named, bool watch) => method switch
    {
        "GET" or "HEAD" when watch => "watch",
        "GET" or "HEAD" => named ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };

    private static string NameSelected(string? fieldSelector)
    {
        try
        {
            var requirements = FieldSelector.Parse(fieldSelector).Requirements
                .Where(r => r.Field == "metadata.name" && !r.Negated)
                .ToList();
            return requirements.Count == 1 ? requirements[0].Value : "";
        }
        catch (FormatException)
        {
            return ""; // the handler answers the malformed selector with 400
        }
    }
}
