using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>Keeps every progress report, in order, as the engine made it (no hop to another thread).</summary>
internal sealed class RecordingProgress : IProgress<DrainProgress>
{
    private readonly Lock _lock = new();
    private readonly List<DrainProgress> _reports = [];

    public IReadOnlyList<DrainProgress> Reports
    {
        get
        {
            lock (_lock)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(DrainProgress value)
    {
        lock (_lock)
        {
            _reports.Add(value);
        }
    }

    /// <summary>What each report said about <paramref name="node"/>.</summary>
    public IReadOnlyList<NodeProgress> Of(string node) => [.. Reports.Select(r => r.Nodes.Single(n => n.Node == node))];
}
