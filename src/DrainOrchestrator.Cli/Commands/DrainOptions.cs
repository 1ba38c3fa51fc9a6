using System.CommandLine;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>The cluster and policy options shared by <c>drain</c> and <c>plan</c>.</summary>
internal sealed class DrainOptions
{
    // The engine's own defaults, so that --help shows what a run without the option gets.
    private static readonly DrainEngineOptions EngineDefaults = new();

    public Option<string> Kubeconfig { get; } = new("--kubeconfig") { Description = "The kubeconfig file of the cluster.", Required = true };
    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context (default: its current context)." };
    public Option<string[]> Nodes { get; } = new("--node") { Description = "A node to drain; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
    public Option<int> MaxParallel { get; } = new("--max-parallel") { Description = "Most migrations in flight in the cluster.", DefaultValueFactory = _ => 5 };
    public Option<int> MaxOutbound { get; } = new("--max-outbound") { Description = "Most migrations out of one node.", DefaultValueFactory = _ => 2 };
    public Option<int> MaxInbound { get; } = new("--max-inbound") { Description = "Most migrations into one node.", DefaultValueFactory = _ => 2 };
    public Option<string> WaveMode { get; } = new("--wave-mode") { Description = "rolling or barrier.", DefaultValueFactory = _ => "rolling" };
    public Option<string> NonMigratable { get; } = new("--non-migratable")
    {
        Description = "What to do with a VM that cannot live-migrate: block (default: refuse the drain), skip (leave it and report it) "
            + "or shutdown (opt-in: stop it so that its run strategy, which must be Always, starts it on another node).",
        DefaultValueFactory = _ => "block",
    };
    public Option<int> MaxAttempts { get; } = new("--max-attempts") { Description = "Most attempts per VM.", DefaultValueFactory = _ => 3 };
    public Option<double> Backoff { get; } = new("--retry-backoff-seconds") { Description = "Wait after the first failure (doubles).", DefaultValueFactory = _ => 20 };
    public Option<bool> NoPostCopy { get; } = new("--no-post-copy-fallback") { Description = "Never retry a non-converging VM with post-copy." };
    public Option<bool> KeepCordoned { get; } = new("--keep-cordoned-on-failure") { Description = "Do not uncordon when the drain fails or is cancelled." };
    public Option<bool> AboveLimits { get; } = new("--allow-above-cluster-limits") { Description = "Allow limits above the KubeVirt CR's." };
    public Option<string> LeaseNamespace { get; } = new("--lease-namespace") { Description = "Namespace of the per-node coordination Leases.", DefaultValueFactory = _ => "default" };
    public Option<double> LeaseSeconds { get; } = new("--lease-seconds")
    {
        Description = "How long the drain stays owned by this process without a heartbeat; after a crash, another drainctl takes over after it.",
        DefaultValueFactory = _ => 15,
    };
    public Option<double> DatabaseOutageSeconds { get; } = new("--db-outage-timeout-seconds")
    {
        Description = "How long to wait out an unreachable database before stopping with exit code 3; the drain stays intact and "
            + "the same command run again resumes it.",
        DefaultValueFactory = _ => EngineDefaults.DatabaseOutageTimeout.TotalSeconds,
    };
    public Option<double> VerifySettleSeconds { get; } = new("--verify-settle-timeout-seconds")
    {
        Description = "At verify: how long a VM whose migration completed may still show on a drained node (the hand-over "
            + "to its target under way) before it counts as not moved.",
        DefaultValueFactory = _ => EngineDefaults.VerifySettleTimeout.TotalSeconds,
    };

    public DrainOptions()
    {
        PolicyWording.AcceptOnly(WaveMode, "rolling", "barrier");
        PolicyWording.AcceptOnly(NonMigratable, "block", "skip", "shutdown");
        PolicyWording.AcceptSecondsBetween(LeaseSeconds, 2, 3600);
        PolicyWording.AcceptSecondsBetween(DatabaseOutageSeconds, 1, 86400);
        PolicyWording.AcceptSecondsBetween(VerifySettleSeconds, 1, 3600);
    }

    /// <summary>The engine's options: the lease, renewed five times per lease period, and the timeouts.</summary>
    public DrainEngineOptions Engine(ParseResult parse)
    {
        var lease = TimeSpan.FromSeconds(parse.GetValue(LeaseSeconds));
        return new DrainEngineOptions
        {
            LeaseDuration = lease,
            HeartbeatInterval = lease / 5,
            DatabaseOutageTimeout = TimeSpan.FromSeconds(parse.GetValue(DatabaseOutageSeconds)),
            VerifySettleTimeout = TimeSpan.FromSeconds(parse.GetValue(VerifySettleSeconds)),
        };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kubeconfig, Context, Nodes, MaxParallel, MaxOutbound, MaxInbound, WaveMode, NonMigratable,
            MaxAttempts, Backoff, NoPostCopy, KeepCordoned, AboveLimits, LeaseNamespace, LeaseSeconds, DatabaseOutageSeconds, VerifySettleSeconds })
        {
            command.Options.Add(option);
        }
    }

    public StoredPolicy Policy(ParseResult parse) => new()
    {
        MaxParallelMigrations = parse.GetValue(MaxParallel),
        MaxOutboundPerNode = parse.GetValue(MaxOutbound),
        MaxInboundPerNode = parse.GetValue(MaxInbound),
        WaveMode = parse.GetValue(WaveMode)!,
        NonMigratable = parse.GetValue(NonMigratable)!,
        MaxAttempts = parse.GetValue(MaxAttempts),
        InitialBackoffSeconds = parse.GetValue(Backoff),
        MaxBackoffSeconds = Math.Max(300, parse.GetValue(Backoff)),
        PostCopyFallback = !parse.GetValue(NoPostCopy),
        UncordonOnFailure = !parse.GetValue(KeepCordoned),
        AllowAboveClusterLimits = parse.GetValue(AboveLimits),
    };
}
