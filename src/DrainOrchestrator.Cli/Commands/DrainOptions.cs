using System.CommandLine;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>The nodes, the policy and the engine's tuning, shared by <c>drain</c> and <c>plan</c>.</summary>
internal sealed class DrainOptions
{
    // The engine's own defaults, so that --help shows what a run without the option gets.
    private static readonly DrainEngineOptions EngineDefaults = new();

    public Option<string[]> Nodes { get; } = new("--node") { Description = "A node to drain; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
    public PolicyOptions Policy { get; } = new();
    public Option<string[]> AvoidTargets { get; } = new("--avoid-targets")
    {
        Description = "NODE[,NODE...]: nodes a later drain empties (a rolling upgrade's later batches); targets only when no other node has room. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<string[]> PreferTargets { get; } = new("--prefer-targets")
    {
        Description = "NODE[,NODE...]: nodes to fill first (already upgraded). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<double> LeaseSeconds { get; } = new("--lease-seconds")
    {
        Description = "How long the drain stays owned by this process without a heartbeat; after a crash, another drainctl takes over after it.",
        DefaultValueFactory = _ => EngineDefaults.LeaseDuration.TotalSeconds,
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

    public Option<double> ViewStaleSeconds { get; } = new("--view-stale-seconds")
    {
        Description = "How long the cluster view (list/watch) may fail to follow the API server before the drain holds: "
            + "it starts no migration until the view recovers.",
        DefaultValueFactory = _ => EngineDefaults.ViewStaleBound.TotalSeconds,
    };
    public Option<double> ViewStaleTimeoutSeconds { get; } = new("--view-stale-timeout-seconds")
    {
        Description = "How long a drain may hold on a stale cluster view before stopping with exit code 3; the drain stays "
            + "intact and the same command run again resumes it.",
        DefaultValueFactory = _ => EngineDefaults.ViewStaleTimeout.TotalSeconds,
    };

    public DrainOptions()
    {
        OptionRules.AcceptSecondsBetween(ViewStaleSeconds, 1, 3600);
        OptionRules.AcceptSecondsBetween(ViewStaleTimeoutSeconds, 2, 86400);
        OptionRules.AcceptSecondsBetween(LeaseSeconds, 2, 3600);
        OptionRules.AcceptSecondsBetween(DatabaseOutageSeconds, 1, 86400);
        OptionRules.AcceptSecondsBetween(VerifySettleSeconds, 1, 3600);
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
            ViewStaleBound = TimeSpan.FromSeconds(parse.GetValue(ViewStaleSeconds)),
            ViewStaleTimeout = TimeSpan.FromSeconds(parse.GetValue(ViewStaleTimeoutSeconds)),
        };
    }

    public void AddTo(Command command, bool withEngine)
    {
        command.Options.Add(Nodes);
        command.Options.Add(AvoidTargets);
        command.Options.Add(PreferTargets);
        Policy.AddTo(command);
        if (withEngine)
        {
            AddEngineTo(command);
        }
    }

    /// <summary>Only the engine's tuning (a move-back takes its nodes and policy from the drain it returns).</summary>
    public void AddEngineTo(Command command)
    {
        command.Options.Add(LeaseSeconds);
        command.Options.Add(DatabaseOutageSeconds);
        command.Options.Add(VerifySettleSeconds);
        command.Options.Add(ViewStaleSeconds);
        command.Options.Add(ViewStaleTimeoutSeconds);
    }

    /// <summary>The request the options describe; throws <see cref="InvalidRequestException"/> with every option problem.</summary>
    public DrainSpec Spec(ParseResult parse)
    {
        var policy = Policy.Read(parse, out var problems);
        return problems.Count > 0 ? throw new InvalidRequestException(problems) : new DrainSpec(parse.GetValue(Nodes)!, policy)
        {
            AvoidTargets = NodeList(parse.GetValue(AvoidTargets)),
            PreferTargets = NodeList(parse.GetValue(PreferTargets)),
        };
    }

    private static List<string> NodeList(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
