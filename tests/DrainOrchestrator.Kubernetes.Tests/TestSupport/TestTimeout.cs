namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>A cancellation token that stops a hung network test instead of hanging the run.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
