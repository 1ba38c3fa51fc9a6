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

    /// <summary>Run validation and admission but commit nothing (<c>dryRun=All</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Write the <c>status</c> subresource: only <c>status</c> changes, the rest is kept.</summary>
    public bool Status { get; init; }
}
