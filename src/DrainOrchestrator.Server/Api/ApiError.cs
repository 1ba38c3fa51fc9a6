namespace DrainOrchestrator.Server.Api;

/// <summary>One problem of a request in a problem details document's <c>errors</c> array.</summary>
/// <param name="Field">The JSON path of the offending field (<c>nodes[1]</c>, <c>policy.maxParallel</c>), empty for the whole request.</param>
/// <param name="Message">What is wrong and what to change.</param>
public sealed record ApiError(string Field, string Message);
