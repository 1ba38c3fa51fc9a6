namespace DrainOrchestrator.Server.Limits;

/// <summary>The defaults and bounds of <see cref="ApiLimitOptions"/>.</summary>
public static class ApiLimitConstants
{
    /// <summary>1 MiB: a drain request or a workflow file is a few KiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Below this no valid request fits.</summary>
    public const long MinRequestBodyBytes = 1024;

    /// <summary>64 MiB.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    /// <summary>Sustained requests per second per caller: far above a person or a script following drains.</summary>
    public const int DefaultRequestsPerSecond = 50;

    /// <summary>Requests per caller at once.</summary>
    public const int DefaultBurst = 200;

    /// <summary>The largest sustained rate that may be configured.</summary>
    public const int MaxRequestsPerSecond = 100_000;

    /// <summary>The largest burst that may be configured.</summary>
    public const int MaxBurst = 1_000_000;
}
