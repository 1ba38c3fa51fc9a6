namespace DrainOrchestrator.Server.Api;

/// <summary>Who the caller is: its name (the token's or the JWT's subject) and its highest role.</summary>
/// <param name="Name">The caller's name, as the journal records it.</param>
/// <param name="Role">viewer, operator or admin.</param>
/// <param name="CsrfToken">
/// For a caller signed in to the dashboard (session cookie), the value its state-changing requests must send in the
/// <c>X-Drain-Csrf</c> header; null for a caller with an Authorization header, which needs none.
/// </param>
public sealed record CallerView(string Name, string Role, string? CsrfToken);
