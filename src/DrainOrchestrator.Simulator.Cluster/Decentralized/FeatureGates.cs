namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The KubeVirt feature gates the model knows (<c>spec.configuration.developerConfiguration.featureGates</c>).</summary>
public static class FeatureGates
{
    /// <summary>Allows VMIMs with <c>spec.sendTo</c> or <c>spec.receive</c>.</summary>
    public const string DecentralizedLiveMigration = "DecentralizedLiveMigration";
}
