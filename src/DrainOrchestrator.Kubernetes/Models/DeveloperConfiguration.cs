namespace DrainOrchestrator.Kubernetes.Models;

/// <summary><c>spec.configuration.developerConfiguration</c> of the KubeVirt CR: the parts the orchestrator reads.</summary>
public sealed class DeveloperConfiguration : WireModel
{
    /// <summary>Enabled feature gates, e.g. <c>DecentralizedLiveMigration</c>.</summary>
    public List<string>? FeatureGates { get; set; }
}
