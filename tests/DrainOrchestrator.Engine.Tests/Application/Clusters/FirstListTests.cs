using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Application.Clusters;

/// <summary>
/// Connecting to a cluster whose API server refuses connections fails within the first list's bound, saying where and
/// why, and that trying again can help; before, drainctl plan and drain waited for ever without a word.
/// </summary>
public sealed class FirstListTests
{
    [Fact]
    public async Task OpenAsync_TheApiServerRefusesConnections_FailsWithinTheBoundNamingTheServerAndTheError()
    {
        var port = LoopbackPorts.Released();
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"refusing-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: k, cluster: {server: "https://127.0.0.1:{{{port}}}", insecure-skip-tls-verify: true}}]
            users: [{name: u, user: {token: a-token-of-sixteen-chars}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            current-context: c
            """);
        try
        {
            var target = new ClusterTarget(kubeconfig, AllowInsecure: true) { FirstListWithin = TimeSpan.FromSeconds(2) };
            var started = System.Diagnostics.Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
                ClusterConnection.OpenAsync(target, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None));

            Assert.StartsWith($"cannot read the cluster at https://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
            Assert.Contains("within 2 s", error.Message, StringComparison.Ordinal);
            Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.True(error.IsRetryable);
            Assert.False(error.IsConfiguration);
            Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), $"took {started.Elapsed}");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
