namespace DrainOrchestrator.Simulator.Security.Authentication;

/// <summary>What a ServiceAccount token is bound to: the account (by uid, so a recreated account is another) and its expiry.</summary>
/// <param name="Namespace">The ServiceAccount's namespace.</param>
/// <param name="Name">The ServiceAccount's name.</param>
/// <param name="Uid">The uid of the ServiceAccount the token was issued for.</param>
/// <param name="ExpiresAt">When the token stops authenticating; null for a registered token, which never expires.</param>
internal sealed record ServiceAccountToken(string Namespace, string Name, string Uid, DateTimeOffset? ExpiresAt);
