using System.Text.Json.Nodes;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>The simulator's ground truth document, with the reads the tests judge by.</summary>
internal sealed class GroundTruth(JsonObject document)
{
    public JsonObject Document => document;

    public IReadOnlyList<TrueMigration> Migrations => [.. document["migrations"]!.AsArray().Select(m => new TrueMigration(
        m!["namespace"]!.GetValue<string>(), m["name"]!.GetValue<string>(), m["vmiName"]!.GetValue<string>(),
        m["sourceNode"]?.GetValue<string>(), m["targetNode"]?.GetValue<string>(), m["outcome"]?.GetValue<string>(),
        m["mode"]?.GetValue<string>()))];

    /// <summary>The memory transfers, of the migrations that reached Running.</summary>
    public IReadOnlyList<TrueTransfer> Transfers =>
        [.. document["migrations"]!.AsArray().Select(m => TrueTransfer.Of(m!)).OfType<TrueTransfer>()];

    /// <summary>The drain's makespan in model time (<see cref="GroundTruthMakespan"/>); fails the test while a migration is unfinished.</summary>
    public TimeSpan Makespan => GroundTruthMakespan.Of(document) ?? throw new InvalidOperationException("a migration never ended: " + document.ToJsonString());

    /// <summary>Each VMIM's creation in model time after the first one's, in creation order.</summary>
    public IReadOnlyList<TimeSpan> CreationTimes
    {
        get
        {
            var created = document["migrations"]!.AsArray().Select(m => m!["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
            return [.. created.Select(c => c - created.Min())];
        }
    }

    public int PeakInFlight => document["peakInFlight"]!.GetValue<int>();

    public IReadOnlyDictionary<string, int> PeakInFlightPerSourceNode =>
        document["peakInFlightPerSourceNode"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>(), StringComparer.Ordinal);

    public int LimitViolations => document["limitViolations"]!.AsArray().Count;

    public int VmiLosses => document["vmiLosses"]!.AsArray().Count;

    public override string ToString() => document.ToJsonString();
}

/// <summary>One migration as it really happened.</summary>
internal sealed record TrueMigration(string Namespace, string Name, string VmiName, string? SourceNode, string? TargetNode,
    string? Outcome, string? Mode);
