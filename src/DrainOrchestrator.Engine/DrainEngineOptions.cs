namespace DrainOrchestrator.Engine;

/// <summary>How an engine process owns and runs drains. Validated with every problem reported at once.</summary>
public sealed record DrainEngineOptions
{
    /// <summary>This process's identity in leases and the journal.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long the drain's database lease lasts without a heartbeat; a crashed owner is taken over after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the lease is renewed (and operators' signals are read).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a per-node coordination Lease lasts; renewed every third of it while the drain migrates.</summary>
    public TimeSpan NodeLeaseDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the drain may wait for capacity with nothing in flight before it fails.</summary>
    public TimeSpan StuckTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Under the shutdown policy: how long a stopped VM may take to run again elsewhere (its VMI deleted, a new one
    /// Running off the drained nodes) before the restart counts as failed.
    /// </summary>
    public TimeSpan RestartTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At verify: how long a VMI may take to leave the nodes once its migration completed elsewhere (the API server
    /// still names a drained node: the hand-over to the target is under way) before it counts as not moved. A VMI the
    /// server shows on a node with no such migration is reported at once; the informers' cache is never the last word.
    /// </summary>
    public TimeSpan VerifySettleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the engine waits for an unreachable database before it stops the run (exit non-zero). Nothing is lost:
    /// the drain stays as journaled and the same command run again resumes it.
    /// </summary>
    public TimeSpan DatabaseOutageTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first wait before trying an unreachable database again; it doubles (with jitter) up to the maximum.</summary>
    public TimeSpan DatabaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two tries of an unreachable database.</summary>
    public TimeSpan DatabaseRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the API server may keep failing (5xx, timeouts, a partition) a VMIM create, or any other call of a step,
    /// before the run stops as interrupted (exit non-zero, resumable); until then the create is tried again and the steps
    /// run again from the journal. The VM's attempts are never charged for it.
    /// </summary>
    public TimeSpan ApiOutageTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first wait before a failed VMIM create is tried again; it doubles (with jitter) up to the maximum.</summary>
    public TimeSpan ApiRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries of a VMIM create that the API server failed.</summary>
    public TimeSpan ApiRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The hard deadline of one VMIM create, at our side (the call is cancelled) and at the API server's (its
    /// <c>timeout</c>, whole seconds). Null: a quarter of <see cref="LeaseDuration"/>. A create is sent only while the
    /// lease is ours for longer than this plus an eighth of the lease, so it cannot land after a new owner took over.
    /// A create past its deadline is deferred (tried again under the same name), costing the VM nothing.
    /// </summary>
    public TimeSpan? CreateDeadline { get; init; }

    /// <summary>The create deadline in force: <see cref="CreateDeadline"/>, or a quarter of the lease.</summary>
    public TimeSpan EffectiveCreateDeadline => CreateDeadline ?? LeaseDuration / 4;

    /// <summary>The slack kept beyond the create deadline (an eighth of the lease): scheduling delay and clock-rate drift.</summary>
    public TimeSpan CreateMargin => LeaseDuration / 8;

    /// <summary>
    /// How long the cluster view (the informers) may fail to follow the API server (a revoked permission, an outage)
    /// before the drain holds: it starts no migration and changes no cordon until the view recovers, and journals it.
    /// </summary>
    public TimeSpan ViewStaleBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a drain holds on a stale view before the run stops as interrupted (exit 3, resumable).</summary>
    public TimeSpan ViewStaleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws with every problem at once when a value is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Holder))
        {
            problems.Add("Holder must not be empty");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add($"LeaseDuration must be positive, was {LeaseDuration}");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval * 2 > LeaseDuration)
        {
            problems.Add($"HeartbeatInterval must be positive and at most half of LeaseDuration ({LeaseDuration}), was {HeartbeatInterval}");
        }

        if (NodeLeaseDuration < TimeSpan.FromSeconds(1))
        {
            problems.Add($"NodeLeaseDuration must be at least 1 s, was {NodeLeaseDuration}");
        }

        if (StuckTimeout <= TimeSpan.Zero)
        {
            problems.Add($"StuckTimeout must be positive, was {StuckTimeout}");
        }

        if (RestartTimeout <= TimeSpan.Zero)
        {
            problems.Add($"RestartTimeout must be positive, was {RestartTimeout}");
        }

        if (VerifySettleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"VerifySettleTimeout must be positive, was {VerifySettleTimeout}");
        }

        if (DatabaseOutageTimeout <= TimeSpan.Zero)
        {
            problems.Add($"DatabaseOutageTimeout must be positive, was {DatabaseOutageTimeout}");
        }

        if (DatabaseRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"DatabaseRetryDelay must be positive, was {DatabaseRetryDelay}");
        }

        if (DatabaseRetryMaxDelay < DatabaseRetryDelay)
        {
            problems.Add($"DatabaseRetryMaxDelay must be at least DatabaseRetryDelay ({DatabaseRetryDelay}), was {DatabaseRetryMaxDelay}");
        }

        if (ApiOutageTimeout <= TimeSpan.Zero)
        {
            problems.Add($"ApiOutageTimeout must be positive, was {ApiOutageTimeout}");
        }

        if (ApiRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"ApiRetryDelay must be positive, was {ApiRetryDelay}");
        }

        if (CreateDeadline is { } deadline && (deadline <= TimeSpan.Zero || deadline + CreateMargin + HeartbeatInterval > LeaseDuration))
        {
            problems.Add($"CreateDeadline must be positive and leave the lease's eighth and a heartbeat interval ({HeartbeatInterval}) "
                + $"within LeaseDuration ({LeaseDuration}), was {deadline}: a create is sent only while the lease has that much left");
        }

        if (ApiRetryMaxDelay < ApiRetryDelay)
        {
            problems.Add($"ApiRetryMaxDelay must be at least ApiRetryDelay ({ApiRetryDelay}), was {ApiRetryMaxDelay}");
        }

        if (ViewStaleBound <= TimeSpan.Zero)
        {
            problems.Add($"ViewStaleBound must be positive, was {ViewStaleBound}");
        }

        if (ViewStaleTimeout <= ViewStaleBound)
        {
            problems.Add($"ViewStaleTimeout must be longer than ViewStaleBound ({ViewStaleBound}), was {ViewStaleTimeout}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid engine options: " + string.Join("; ", problems) + ".");
        }
    }
}
