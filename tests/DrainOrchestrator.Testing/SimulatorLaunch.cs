namespace DrainOrchestrator.Testing;

/// <summary>How to start <c>drain-sim serve</c>: the built program, the cluster, its speed, and any further flags.</summary>
/// <param name="Program">The built <c>drain-sim.dll</c>.</param>
/// <param name="Scenario">A scenario name or file, as <c>--scenario</c> takes it.</param>
/// <param name="Speed">Model seconds per wall second, as <c>--speed</c> takes it.</param>
public sealed record SimulatorLaunch(string Program, string Scenario, double Speed)
{
    /// <summary>Where the kubeconfig (and the ground truth) are written; null: a temporary folder, deleted on dispose.</summary>
    public string? Directory { get; init; }

    /// <summary>
    /// Whether drain-sim writes its ground truth to <c>ground-truth.json</c> in <see cref="Directory"/> when it stops;
    /// the launcher then stops it with SIGTERM and waits, where otherwise it kills it.
    /// </summary>
    public bool GroundTruthOnExit { get; init; }

    /// <summary>
    /// A second cluster's scenario (a file or a built-in name), served by the same process on its own port on one network
    /// with the first (<c>--peer-scenario</c>); null for one cluster. The started process shows it as <see cref="SimulatorProcess.Peer"/>.
    /// </summary>
    public string? PeerScenario { get; init; }

    /// <summary>Further flags, e.g. <c>--seed 7</c>, <c>--fault RULE</c> or <c>--admission-cache-lag 5s</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>How long drain-sim may take to listen; generous, since a loaded machine builds a large cluster slowly.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
