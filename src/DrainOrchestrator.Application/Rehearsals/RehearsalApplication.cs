using DrainOrchestrator.Application.Clock;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// A rehearsal of a drain on a snapshot of a real cluster (issue 19): a private drain-sim serves the snapshot at a speed,
/// a private temporary PostgreSQL records the drain, and the real engine drains the nodes in this process with its clock
/// sped up to the simulator's, so every prediction, backoff and timeout runs in cluster time. It opens no cluster but
/// the private simulators, and stops them and deletes their files when it ends, also when cancelled.
/// </summary>
/// <param name="wall">The wall clock (start-up deadlines).</param>
/// <param name="clusterClock">The cluster clock at a speed whose model time read wall time at the origin given (drainctl's <c>ClusterTimeProvider</c>).</param>
/// <param name="loggerFactory">Logging.</param>
public sealed class RehearsalApplication(TimeProvider wall, Func<double, DateTimeOffset, TimeProvider> clusterClock, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RehearsalApplication>();

    /// <summary>A rehearsal application whose cluster clock is <see cref="ClusterTimeProvider"/> over <paramref name="wall"/>.</summary>
    /// <param name="wall">The wall clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    public RehearsalApplication(TimeProvider wall, ILoggerFactory loggerFactory)
        : this(wall, (rate, origin) => new ClusterTimeProvider(wall, rate, origin), loggerFactory)
    {
    }

    /// <summary>Rehearses the drain, and KubeVirt alone when asked; <see cref="InvalidRequestException"/> with every problem of the request at once.</summary>
    public async Task<RehearsalResult> RunAsync(RehearsalRequest request, FrontDoor door, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request, door);
        var dll = SimulatorProgram.Locate(request.SimulatorDll, Environment.GetEnvironmentVariable);
        await using var workspace = RehearsalWorkspace.Create(_logger);
        var drain = await DrainAsync(dll, request, workspace, door, cancellationToken);
        var kubevirt = request.CompareKubeVirt ? await KubeVirtAloneAsync(dll, request, workspace, cancellationToken) : null;
        return drain with { KubeVirt = kubevirt };
    }

    private async Task<RehearsalResult> DrainAsync(string dll, RehearsalRequest request, RehearsalWorkspace workspace, FrontDoor door,
        CancellationToken cancellationToken)
    {
        await using var sim = await StartAsync(dll, request.Scenario, request, workspace.Directory("drain"), cancellationToken);
        var clock = clusterClock(request.Speed, (await sim.GroundTruthAsync(cancellationToken)).StartedAt);
        var (result, report, truth) = await new RehearsedDrain(sim, wall, clock, request.Speed, loggerFactory)
            .RunAsync(request.Drain, Path.Combine(workspace.Root, "postgres"), door, cancellationToken);
        var (migrations, stalled, postCopy, cannotMove) = RehearsedDrain.Read(report);
        var duration = report.Drain is { StartedAt: { } from, FinishedAt: { } to } ? to - from : (TimeSpan?)null;
        var window = request.Window is { } length && duration is { } needed ? new WindowFit(length, needed, needed <= length) : null;
        return new RehearsalResult(request.Drain.Nodes, request.Speed, result.State.ToText(), result.Reason, truth.Makespan, duration,
            report.PredictedMakespanSeconds is { } s ? TimeSpan.FromSeconds(s) : null, migrations, stalled, postCopy, cannotMove, window, null);
    }

    private async Task<KubeVirtAloneResult> KubeVirtAloneAsync(string dll, RehearsalRequest request, RehearsalWorkspace workspace,
        CancellationToken cancellationToken)
    {
        var directory = workspace.Directory("kubevirt");
        var scenario = Path.Combine(directory, "scenario.yaml");
        await EvacuationScenario.WriteAsync(request.Scenario, scenario, cancellationToken);
        await using var sim = await StartAsync(dll, scenario, request, directory, cancellationToken);
        var clock = clusterClock(request.Speed, (await sim.GroundTruthAsync(cancellationToken)).StartedAt);
        return await new KubeVirtAloneRun(sim, clock, request.Speed, _logger).RunAsync(request.Drain.Nodes, request.KubeVirtTimeout, cancellationToken);
    }

    private async Task<PrivateSimulator> StartAsync(string dll, string scenario, RehearsalRequest request, string directory, CancellationToken cancellationToken)
    {
        var sim = await PrivateSimulator.StartAsync(dll, scenario, request.Speed, directory, wall, cancellationToken);
        RehearsalLog.SimulatorStarted(_logger, scenario, request.Speed, sim.Server, sim.ProcessId);
        return sim;
    }

    private static void Validate(RehearsalRequest request, FrontDoor door)
    {
        if (Problems(request, door) is { Count: > 0 } problems)
        {
            throw new InvalidRequestException(problems);
        }
    }

    /// <summary>Every problem of <paramref name="request"/>, in the terms of <paramref name="door"/>; empty when it can run.</summary>
    public static IReadOnlyList<RequestProblem> Problems(RehearsalRequest request, FrontDoor door)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<RequestProblem>();
        if (string.IsNullOrWhiteSpace(request.Scenario) || !File.Exists(request.Scenario))
        {
            problems.Add(new("scenario", $"{(door == FrontDoor.CommandLine ? "--scenario" : "scenario")} must name a scenario file (drainctl snapshot --out FILE writes one), was '{request.Scenario}'"));
        }

        problems.AddRange(SettingsProblems(request, door));
        return problems;
    }

    /// <summary>Every problem of <paramref name="request"/> but its scenario, in the terms of <paramref name="door"/>; the API checks the scenario's text itself.</summary>
    public static IReadOnlyList<RequestProblem> SettingsProblems(RehearsalRequest request, FrontDoor door)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cli = door == FrontDoor.CommandLine;
        var problems = new List<RequestProblem>();

        if (!double.IsFinite(request.Speed) || request.Speed < 1 || request.Speed > RehearsalRequest.MaxSpeed)
        {
            problems.Add(new("speed", $"{(cli ? "--speed" : "speed")} must be a number from 1 to {RehearsalRequest.MaxSpeed} (cluster seconds per wall-clock second), was {request.Speed}"));
        }

        if (request.Drain.Nodes.Count == 0)
        {
            problems.Add(new(FieldTerms.Nodes(door), $"name at least one node to drain ({(cli ? "--nodes a,b" : "nodes")})"));
        }

        if (request.Window is { } window && window <= TimeSpan.Zero)
        {
            problems.Add(new("window", $"the window must be longer than zero, was {window}"));
        }

        if (request.KubeVirtTimeout <= TimeSpan.Zero)
        {
            problems.Add(new("kubevirtTimeout", $"the KubeVirt-alone timeout must be longer than zero, was {request.KubeVirtTimeout}"));
        }

        return problems;
    }
}
