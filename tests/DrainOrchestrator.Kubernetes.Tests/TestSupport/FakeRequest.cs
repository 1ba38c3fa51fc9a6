namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>A request as the fake server saw it.</summary>
internal sealed record FakeRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body,
    string? ClientSubject)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
