namespace DrainOrchestrator.Simulator.Api.Errors;

/// <summary>Factory of the statuses the API server answers with, worded as kube-apiserver words them.</summary>
public static class ApiErrors
{
    /// <summary>404 NotFound for an object.</summary>
    public static ApiStatus NotFound(string groupResource, string name, string group = "") =>
        new(404, "NotFound", $"{groupResource} \"{name}\" not found") { Name = name, Group = group, Kind = ResourceOf(groupResource) };

    /// <summary>404 NotFound for a path that names no resource.</summary>
    public static ApiStatus PathNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource") { };

    /// <summary>409 AlreadyExists.</summary>
    public static ApiStatus AlreadyExists(string groupResource, string name, string group = "") =>
        new(409, "AlreadyExists", $"{groupResource} \"{name}\" already exists") { Name = name, Group = group, Kind = ResourceOf(groupResource) };

    /// <summary>409 Conflict for a stale resourceVersion or a failed precondition.</summary>
    public static ApiStatus Conflict(string groupResource, string name, string why, string group = "") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {groupResource} \"{name}\": {why}")
        {
            Name = name,
            Group = group,
            Kind = ResourceOf(groupResource),
        };

    /// <summary>422 Invalid with field causes.</summary>
    public static ApiStatus Invalid(string kind, string name, IReadOnlyList<ApiStatusCause> causes, string group = "")
    {
        var summary = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        return new(422, "Invalid", $"{kind} \"{name}\" is invalid: {summary}") { Name = name, Group = group, Kind = kind, Causes = causes };
    }

    /// <summary>400 BadRequest.</summary>
    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>403 Forbidden, worded as RBAC words it.</summary>
    public static ApiStatus Forbidden(string verb, string resource, string? name) =>
        new(403, "Forbidden", $"{resource} \"{name}\" is forbidden: User \"system:serviceaccount:drain-sim:client\" cannot {verb} resource \"{resource}\" (refused by a drain-sim fault rule)")
        {
            Name = name,
            Kind = resource,
        };

    /// <summary>401 Unauthorized.</summary>
    public static ApiStatus Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    /// <summary>405 MethodNotAllowed.</summary>
    public static ApiStatus MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    /// <summary>406 NotAcceptable.</summary>
    public static ApiStatus NotAcceptable(string accept) =>
        new(406, "NotAcceptable", $"the server was unable to respond with a content type that the client supports: {accept}");

    /// <summary>410 Expired: a watch or continue token from before the retained event window.</summary>
    public static ApiStatus Expired(string message) => new(410, "Expired", message);

    /// <summary>415 UnsupportedMediaType.</summary>
    public static ApiStatus UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})");

    /// <summary>429 TooManyRequests with Retry-After.</summary>
    public static ApiStatus TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "Too many requests, please try again later.") { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>500 InternalError.</summary>
    public static ApiStatus InternalError(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}") { RetryAfterSeconds = 1 };

    private static string ResourceOf(string groupResource)
    {
        var dot = groupResource.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? groupResource : groupResource[..dot];
    }
}
