namespace DrainOrchestrator.Server.Auth;

/// <summary>One line of the tokens file: who, with which role, and the SHA-256 of the token (never the token itself).</summary>
public sealed record ApiToken(string Name, ApiRole Role, byte[] Sha256);
