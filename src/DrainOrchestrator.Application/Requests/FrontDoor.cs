namespace DrainOrchestrator.Application.Requests;

/// <summary>Which front door a request came through: problems name fields the way that door's user typed them.</summary>
public enum FrontDoor
{
    /// <summary>drainctl: options such as <c>--max-parallel</c> and <c>--node</c>.</summary>
    CommandLine,

    /// <summary>The REST API: JSON paths such as <c>policy.maxParallel</c> and <c>nodes</c>.</summary>
    Api,
}
