using System.Net;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>Everything a simulator server is started with.</summary>
public sealed record SimulatorServerOptions
{
    /// <summary>The fastest model time may run relative to wall time.</summary>
    public const double MaxSpeed = 10_000;

    /// <summary>Where to listen; port 0 picks a free port. Loopback only.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Seed of every random choice (uids, generated names, faults), for reproducible runs.</summary>
    public int Seed { get; init; }

    /// <summary>Where to write the kubeconfig once listening; null to write none.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>Fault rules active from the start.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>API endpoint settings.</summary>
    public ApiServerOptions Api { get; init; } = new();

    /// <summary>Object store settings (its seed is taken from <see cref="Seed"/>).</summary>
    public StoreOptions Store { get; init; } = new();

    /// <summary>The wall clock: delays, watch timeouts, bookmarks, certificates. Object timestamps are model time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Model time runs this many times as fast as wall time (timestamps and KubeVirt's timeouts follow it).</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The cluster model's seed; null uses the scenario's (<c>--seed</c> sets both this and <see cref="Seed"/>).</summary>
    public int? ModelSeed { get; init; }

    /// <summary>How often (wall time) the cluster model is advanced to the clock's time.</summary>
    public TimeSpan ModelTick { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How far virt-api's admission cache lags behind (model time); 0 for none. The admin API's <c>admission</c> changes it at runtime.</summary>
    public TimeSpan AdmissionCacheLag { get; init; }

    /// <summary>Where to write the ground truth when the server stops; null to write none.</summary>
    public string? GroundTruthPath { get; init; }

    /// <summary>ServiceAccount tokens registered at start (see <see cref="ServiceAccountTokenRegistration"/>).</summary>
    public IReadOnlyList<ServiceAccountTokenRegistration> ServiceAccountTokens { get; init; } = [];

    /// <summary>A second cluster the command line serves beside this one (<c>--peer-scenario</c>); null for one cluster.</summary>
    public PeerClusterOptions? Peer { get; init; }

    /// <summary>Every problem with the options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IPAddress.IsLoopback(Listen.Address))
        {
            problems.Add($"listen address must be a loopback address, was {Listen.Address}");
        }

        var resources = BuiltInResourceTypes.All.Select(t => t.Plural).ToList();
        if (!double.IsFinite(Speed) || Speed <= 0 || Speed > MaxSpeed)
        {
            problems.Add($"speed must be greater than 0 and at most {MaxSpeed}, was {Speed}");
        }

        if (ModelTick < TimeSpan.FromMilliseconds(1) || ModelTick > TimeSpan.FromSeconds(1))
        {
            problems.Add($"the model tick must be between 1 ms and 1 s, was {ModelTick}");
        }

        if (Peer is { } peer && !IPAddress.IsLoopback(peer.Listen.Address))
        {
            problems.Add($"peer listen address must be a loopback address, was {peer.Listen.Address}");
        }

        problems.AddRange(Faults.SelectMany(f => f.Validate(resources)).Distinct());
        problems.AddRange(ServiceAccountTokens.SelectMany(t => t.Validate()));
        problems.AddRange(Api.Validate());
        problems.AddRange(Store.Validate());
        return problems;
    }
}
