using System.Net;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>Everything a simulator server is started with.</summary>
public sealed record SimulatorServerOptions
{
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

    /// <summary>The clock of timestamps, delays, watch timeouts and bookmarks.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Every problem with the options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IPAddress.IsLoopback(Listen.Address))
        {
            problems.Add($"listen address must be a loopback address, was {Listen.Address}");
        }

        var resources = BuiltInResourceTypes.All.Select(t => t.Plural).ToList();
        problems.AddRange(Faults.SelectMany(f => f.Validate(resources)).Distinct());
        problems.AddRange(Api.Validate());
        problems.AddRange(Store.Validate());
        return problems;
    }
}
