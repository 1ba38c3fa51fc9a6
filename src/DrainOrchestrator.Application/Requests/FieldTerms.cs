using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Application.Requests;

/// <summary>Names request fields as each front door's user typed them, from the one table of policy fields.</summary>
public static class FieldTerms
{
    /// <summary>The JSON path of a policy field given by its Core path (unknown paths are kept as written).</summary>
    public static string PolicyPath(string corePath) =>
        "policy" + (corePath.Length == 0 ? string.Empty : "." + (PolicyFields.FindByPath(corePath)?.Wire ?? corePath));

    /// <summary>How <paramref name="door"/>'s user names the policy field at <paramref name="corePath"/>.</summary>
    public static string PolicyName(string corePath, FrontDoor door)
    {
        var field = PolicyFields.FindByPath(corePath);
        return door == FrontDoor.CommandLine
            ? field?.Option ?? corePath
            : PolicyPath(corePath);
    }

    /// <summary>How <paramref name="door"/>'s user names the list of nodes.</summary>
    public static string Nodes(FrontDoor door) => door == FrontDoor.CommandLine ? "--node" : "nodes";

    /// <summary>How <paramref name="door"/>'s user names a target preference list (<c>avoidTargets</c> or <c>preferTargets</c>).</summary>
    public static string Targets(string field, FrontDoor door) => door != FrontDoor.CommandLine ? field
        : field == "avoidTargets" ? "--avoid-targets" : "--prefer-targets";

    /// <summary>A policy problem as a request problem in <paramref name="door"/>'s terms, values in the user's units.</summary>
    public static RequestProblem Render(PolicyProblem problem, DrainPolicy policy, FrontDoor door)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var message = problem.Render(path => PolicyName(path, door), path => PolicyFields.FindByPath(path)?.Show(policy));
        return new RequestProblem(PolicyPath(problem.Field), message);
    }
}
