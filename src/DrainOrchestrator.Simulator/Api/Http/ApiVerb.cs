namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>The Kubernetes verbs of resource requests, named as in audit logs and RBAC.</summary>
public static class ApiVerb
{
    /// <summary>Read one object.</summary>
    public const string Get = "get";

    /// <summary>Read a collection.</summary>
    public const string List = "list";

    /// <summary>Stream changes.</summary>
    public const string Watch = "watch";

    /// <summary>POST a new object.</summary>
    public const string Create = "create";

    /// <summary>PUT an object.</summary>
    public const string Update = "update";

    /// <summary>PATCH an object.</summary>
    public const string Patch = "patch";

    /// <summary>DELETE an object.</summary>
    public const string Delete = "delete";

    /// <summary>DELETE a collection.</summary>
    public const string DeleteCollection = "deletecollection";

    /// <summary>The verb of a resource request from its HTTP method and shape; null when the method is not allowed.</summary>
    public static string? Of(string method, bool hasName, bool watch) => (method, hasName) switch
    {
        ("GET", true) => watch ? Watch : Get,
        ("GET", false) => watch ? Watch : List,
        ("POST", false) => Create,
        ("PUT", true) => Update,
        ("PATCH", true) => Patch,
        ("DELETE", true) => Delete,
        ("DELETE", false) => DeleteCollection,
        _ => null,
    };
}
