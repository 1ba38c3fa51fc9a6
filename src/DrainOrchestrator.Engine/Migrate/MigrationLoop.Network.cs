using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Network;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The dedicated migration network (policy <c>migrationNetwork</c>): each succeeded migration is judged from its target
/// address; a configured network no migration can use is found before anything starts. Under <c>fail</c> the first
/// miss ends the loop (<see cref="LoopOutcome.MissedMigrationNetwork"/>) with <see cref="NetworkFailure"/> as the reason.
/// </summary>
internal sealed partial class MigrationLoop
{
    private readonly HashSet<string> _networkMissesLogged = new(StringComparer.Ordinal);
    private MigrationNetworkReader? _networkReader;
    private string? _networkProblemLogged;

    /// <summary>Why the drain fails under <c>migrationNetwork: fail</c>; null while nothing made it fail.</summary>
    public string? NetworkFailure { get; private set; }

    private MigrationNetworkReader NetworkReader => _networkReader ??= new(context.Actions, context.Logger, context.DrainIdText);

    private async Task<AttemptObservation> JudgeNetworkAsync(AttemptRecord record, AttemptObservation observation, ClusterState cluster,
        CancellationToken cancellationToken)
    {
        if (observation.Outcome != AttemptOutcome.Succeeded || context.Policy.MigrationNetwork == MigrationNetworkPolicy.Off)
        {
            return observation;
        }

        var network = await NetworkReader.ReadAsync(cluster.KubeVirt, rereadIfBroken: true, cancellationToken);
        var judged = MigrationNetworkJudge.Judge(observation, network);
        if (judged.Network?.MissedMigrationNetwork == true && _networkMissesLogged.Add(record.VmimName))
        {
            var miss = MigrationNetworkJudge.Describe(record, judged, network);
            EngineLog.MigrationNetworkMissed(context.Logger, context.DrainIdText, miss);
            if (context.Policy.MigrationNetwork == MigrationNetworkPolicy.Fail)
            {
                NetworkFailure ??= miss;
            }
        }

        return judged;
    }

    // A network named but unusable (its definition absent or without a range) sends every migration over the pod network;
    // one that cannot be read (RBAC) cannot be checked, which fail does not accept either.
    private async Task CheckNetworkAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        if (context.Policy.MigrationNetwork == MigrationNetworkPolicy.Off)
        {
            return;
        }

        var network = await NetworkReader.ReadAsync(cluster.KubeVirt, rereadIfBroken: false, cancellationToken);
        if (network.Problem is not { } problem)
        {
            _networkProblemLogged = null;
            return;
        }

        if (_networkProblemLogged != problem)
        {
            EngineLog.MigrationNetworkBroken(context.Logger, context.DrainIdText, problem);
            _networkProblemLogged = problem;
        }

        if (context.Policy.MigrationNetwork == MigrationNetworkPolicy.Fail)
        {
            NetworkFailure ??= (network.Readable ? "the dedicated migration network cannot be used" : "the dedicated migration network cannot be checked")
                + ", and no further migration was started: " + problem;
        }
    }
}
