using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class PodDisruptionBudgetTests
{
    [Fact]
    public void Deserialize_NumberAndPercentLimits_ReadAndWrittenBackAsTheyCame()
    {
        const string Json = """
            {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"db","namespace":"apps"},
             "spec":{"selector":{"matchLabels":{"app":"db"}},"maxUnavailable":"25%","minAvailable":2},
             "status":{"currentHealthy":3}}
            """;

        var pdb = JsonSerializer.Deserialize(Json, KubernetesJsonContext.Default.PodDisruptionBudget)!;
        var again = JsonSerializer.Serialize(pdb, KubernetesJsonContext.Default.PodDisruptionBudget);

        Assert.Equal(("25%", null), (pdb.Spec.MaxUnavailable!.Text, pdb.Spec.MaxUnavailable.Number));
        Assert.Equal(2, pdb.Spec.MinAvailable!.Number);
        Assert.Contains("\"maxUnavailable\":\"25%\"", again, StringComparison.Ordinal);
        Assert.Contains("\"minAvailable\":2", again, StringComparison.Ordinal);
        Assert.Contains("\"currentHealthy\":3", again, StringComparison.Ordinal);
        Assert.Equal("policy/v1", pdb.ApiVersion);
    }

    [Fact]
    public void Deserialize_LimitOfAnotherKind_Refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"maxUnavailable":true}""", KubernetesJsonContext.Default.PodDisruptionBudgetSpec));
    }
}
