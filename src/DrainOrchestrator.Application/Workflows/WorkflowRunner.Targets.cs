namespace DrainOrchestrator.Application.Workflows;

internal sealed partial class WorkflowRunner
{
    // The target preference of the batch running now: a drain inside forEachBatch avoids the nodes of the batches after
    // it (a VM placed there would move again) and fills those of the batches finished before it (upgraded) first.
    private BatchTargets _batchTargets = BatchTargets.None;

    /// <summary>The nodes of the batches before and after one batch.</summary>
    private sealed record BatchTargets(IReadOnlyList<string> Earlier, IReadOnlyList<string> Later)
    {
        public static BatchTargets None { get; } = new([], []);

        // A batch skipped under its failure policy may not have been upgraded: its nodes are neither preferred nor avoided.
        public static BatchTargets Of(List<List<string>> batches, int current, Func<int, bool> skipped) => new(
            [.. batches.Take(current).Where((_, j) => !skipped(j)).SelectMany(b => b)],
            [.. batches.Skip(current + 1).SelectMany(b => b)]);
    }
}
