using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>The clients of an evacuation's two sides, one client when both are one cluster; disposing closes them.</summary>
internal sealed class OpenedSides : IAsyncDisposable
{
    private readonly KubernetesClient _source;
    private readonly KubernetesClient? _target;

    private OpenedSides(EvacuationSides sides, KubernetesClient source, KubernetesClient? target)
    {
        (Sides, _source, _target) = (sides, source, target);
    }

    public EvacuationSides Sides { get; }

    /// <summary>Opens the source cluster and, when the spec names another, the target cluster (found the way kubectl finds them).</summary>
    public static OpenedSides Open(EvacuationSpec spec, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var (source, sourceSettings) = ClusterClients.Create(spec.SourceCluster, timeProvider, loggerFactory);
        var sourceName = sourceSettings.Server.ToString().TrimEnd('/');
        if (spec.TargetCluster is null || spec.TargetCluster == spec.SourceCluster)
        {
            return new OpenedSides(new EvacuationSides(source, sourceName, source, sourceName), source, null);
        }

        try
        {
            var (target, targetSettings) = ClusterClients.Create(spec.TargetCluster, timeProvider, loggerFactory);
            var targetName = targetSettings.Server.ToString().TrimEnd('/');
            return new OpenedSides(new EvacuationSides(source, sourceName, target, targetName), source, target);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _source.Dispose();
        _target?.Dispose();
        return ValueTask.CompletedTask;
    }
}
