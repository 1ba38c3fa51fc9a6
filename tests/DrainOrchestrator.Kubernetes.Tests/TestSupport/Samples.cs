namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>Reads the hand-written sample objects copied next to the test assembly.</summary>
internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", "Samples", name));
}
