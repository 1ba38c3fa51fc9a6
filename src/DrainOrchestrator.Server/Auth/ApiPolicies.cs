namespace DrainOrchestrator.Server.Auth;

/// <summary>The authorization policies of the API, one per least role.</summary>
public static class ApiPolicies
{
    /// <summary>Viewer or above: reads.</summary>
    public const string Read = "read";

    /// <summary>Operator or above: creates and signals.</summary>
    public const string Operate = "operate";

    /// <summary>Admin only.</summary>
    public const string Administer = "administer";

    /// <summary>The role claim values that satisfy <paramref name="least"/>.</summary>
    public static string[] RolesFrom(ApiRole least) =>
        [.. Enum.GetValues<ApiRole>().Where(r => r >= least).Select(RoleName)];

    /// <summary>A role as it is written in the tokens file and in role claims.</summary>
    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();
}
