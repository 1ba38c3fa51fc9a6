namespace DrainOrchestrator.Application.Health;

/// <summary>One dependency's readiness.</summary>
/// <param name="Name">database, schema or cluster.</param>
/// <param name="Ready">Whether it is usable now.</param>
/// <param name="Detail">What was found, or what is wrong.</param>
public sealed record ReadinessCheck(string Name, bool Ready, string Detail);
