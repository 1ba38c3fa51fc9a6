using System.Net;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// A second cluster served by the same drain-sim process on its own port, on one network with the first: a
/// decentralized migration's sender in one may name the other's synchronization controller in its connectURL.
/// </summary>
/// <param name="Scenario">The second cluster's scenario (a cluster model: built-in name, generated:... or FILE.yaml).</param>
/// <param name="Listen">Its loopback address and port (port 0 picks a free one).</param>
/// <param name="KubeconfigPath">Where to write its kubeconfig.</param>
/// <param name="GroundTruthPath">Where to write its ground truth on exit; null for none.</param>
public sealed record PeerClusterOptions(string Scenario, IPEndPoint Listen, string KubeconfigPath, string? GroundTruthPath);
