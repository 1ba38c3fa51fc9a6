namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>How a write is carried out.</summary>
public sealed record WriteOptions
{
    /// <summary>Options for a controller's own write.</summary>
    public static WriteOptions Controller { get; } = new() { Origin = WriteOrigin.Controller };

    /// <summary>Options for a client write through the API.</summary>
    public static WriteOptions Client { get; } = new() { Origin = WriteOrigin.Client };

    /// <summary>Who is writing; admission hooks see it.</summary>
    public WriteOrigin Origin { get; init; } = WriteOrigin.Controller;

    /// <summary>The authenticated user name of a client write (null for the simulator's own controllers).</summary>
    public string? User { get; init; }

    /// <summary>Run validation and admission but commit nothing (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Write the <c>status</c> subresource: only <c>status</c> changes, the rest is kept.</summary>
    public bool Status { get; init; }

    /// <summary>
    /// A controller's write of the whole object, status included, in one commit (kube-apiserver needs two writes, main
    /// and status; the simulated controllers change labels and status together, e.g. a VMI's node). Ignored for clients.
    /// </summary>
    public bool IncludeStatus { get; init; }

    /// <summary>
    /// On a controller's create, keep the uid and creationTimestamp the object carries (the cluster model's identities)
    /// instead of assigning new ones. Ignored for clients.
    /// </summary>
    public bool KeepIdentity { get; init; }
}
