namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>The authorizer's answer: allowed or not, and why (the RBAC authorizer's reason; often empty on a denial).</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Reason">Why: the binding that allowed it, or the RBAC errors met while looking (a role that does not exist).</param>
public sealed record AuthorizationDecision(bool Allowed, string Reason);
