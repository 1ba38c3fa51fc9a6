namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Faults armed to fire on a later occurrence (a target pod start, a migration start).</summary>
internal sealed class FaultBook
{
    private readonly List<(string? Node, int Remaining)> _podFailures = [];
    private readonly List<string> _vmiDeletions = [];

    public void ArmTargetPodFailures(string? node, int count) => _podFailures.Add((node, count));

    public void ArmVmiDeletion(string vmKey) => _vmiDeletions.Add(vmKey);

    /// <summary>Whether a target pod starting on <paramref name="node"/> must fail; consumes one armed failure.</summary>
    public bool ConsumeTargetPodFailure(string node)
    {
        for (var i = 0; i < _podFailures.Count; i++)
        {
            var (armedNode, remaining) = _podFailures[i];
            if (armedNode is not null && !string.Equals(armedNode, node, StringComparison.Ordinal))
            {
                continue;
            }

            if (remaining <= 1)
            {
                _podFailures.RemoveAt(i);
            }
            else
            {
                _podFailures[i] = (armedNode, remaining - 1);
            }

            return true;
        }

        return false;
    }

    public bool ConsumeVmiDeletionWhileMigrating(string vmKey) => _vmiDeletions.Remove(vmKey);
}
