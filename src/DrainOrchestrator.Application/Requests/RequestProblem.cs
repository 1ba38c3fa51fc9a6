namespace DrainOrchestrator.Application.Requests;

/// <summary>One thing wrong with a request, named in the user's terms.</summary>
/// <param name="Field">The JSON path of the offending field (<c>nodes</c>, <c>policy.maxParallel</c>); empty for the request as a whole.</param>
/// <param name="Message">The whole sentence, naming the field as the front door's user knows it and saying what to change.</param>
public sealed record RequestProblem(string Field, string Message);
