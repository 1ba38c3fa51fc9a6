namespace DrainOrchestrator.Server;

/// <summary>The server's defaults, in one place.</summary>
public static class ServerConstants
{
    /// <summary>Where the server listens unless told otherwise.</summary>
    public const string DefaultListen = "127.0.0.1:8443";

    /// <summary>The JWT claim that carries the role unless told otherwise.</summary>
    public const string DefaultJwtRoleClaim = "roles";

    /// <summary>The <c>service.name</c> of the server's traces and metrics.</summary>
    public const string ServiceName = "drain-orchestrator";

    /// <summary>The PostgreSQL schema Hangfire keeps its tables in, beside ours.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>Where the Hangfire dashboard is mounted.</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>Where the operator dashboard is served.</summary>
    public const string UiPath = "/ui";

    /// <summary>
    /// How long a dashboard sign-in lasts: the browser drops the session cookie after this, and the server refuses one
    /// presented later. A work day, so an unattended browser does not stay signed in for good.
    /// </summary>
    public static readonly TimeSpan UiSessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Jobs one replica runs at once: a drain holds a worker for as long as it runs.</summary>
    public const int DefaultWorkers = 20;

    /// <summary>
    /// Renewed while the job runs (sliding), so a drain of hours is never fetched twice; after a SIGKILL, another
    /// replica fetches the job once this much time passed without renewal. Longer than the drain lease (15 s), so
    /// the job finds the lease expired and takes the drain over at once.
    /// </summary>
    public static readonly TimeSpan DefaultJobInvisibilityTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How often each replica looks for unfinished drains that nobody runs.</summary>
    public static readonly TimeSpan DefaultSupervisorInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often each replica fires the schedules' due occurrences: often enough for seconds-resolution crons.</summary>
    public static readonly TimeSpan DefaultScheduleTickInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often the shared journal poller reads new events.</summary>
    public static readonly TimeSpan DefaultJournalPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an idle event stream waits before a heartbeat comment.</summary>
    public static readonly TimeSpan DefaultEventHeartbeat = TimeSpan.FromSeconds(15);

    /// <summary>How long a shutdown waits for drains to let go of their leases.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long readiness waits for each dependency.</summary>
    public static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(3);
}
