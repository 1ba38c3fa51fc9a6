namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Who is writing: a client through the HTTP API, or the simulated cluster's own controllers.</summary>
public enum WriteOrigin
{
    /// <summary>A request through the HTTP API (kubectl, the orchestrator).</summary>
    Client,

    /// <summary>A simulated controller (the migration controller, the scheduler, a seeding step).</summary>
    Controller,
}
