using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.KubeVirt;

/// <summary>
/// What went wrong between the cluster model and the object store (a change that could not be applied, a failed clock
/// advance): counted and the latest few kept, shown with the ground truth so a test can insist there were none.
/// </summary>
public sealed class BridgeDiagnostics
{
    private const int Kept = 20;
    private readonly Lock _lock = new();
    private readonly Queue<string> _recent = new();
    private long _count;

    /// <summary>How many problems were recorded.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Records a problem.</summary>
    public void Record(string doing, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_lock)
        {
            _count++;
            _recent.Enqueue($"{doing}: {error.GetType().Name}: {error.Message}");
            if (_recent.Count > Kept)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>The count and the latest problems.</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["errors"] = _count,
                ["recent"] = new JsonArray([.. _recent.Select(r => (JsonNode)JsonValue.Create(r))]),
            };
        }
    }
}
