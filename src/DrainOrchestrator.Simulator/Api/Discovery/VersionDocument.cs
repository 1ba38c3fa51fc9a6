using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Discovery;

/// <summary>The <c>/version</c> document.</summary>
internal static class VersionDocument
{
    public static JsonObject Create(string gitVersion)
    {
        var parts = gitVersion.TrimStart('v').Split('.', '-');
        return new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts[1],
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "drain-sim",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.23.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }
}
