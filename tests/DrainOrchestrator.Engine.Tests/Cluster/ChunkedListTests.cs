using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class ChunkedListTests
{
    [Fact]
    public void Freeze_RandomChanges_EveryFrozenCopyKeepsWhatTheListWasThen()
    {
        var random = new Random(5);
        var list = new ChunkedList<int>();
        var model = new List<int>();
        var frozen = new List<(IReadOnlyList<int> Copy, int[] Expected)>();
        for (var step = 0; step < 20_000; step++)
        {
            var n = random.Next(100);
            if (n < 50 || model.Count == 0)
            {
                list.Add(step);
                model.Add(step);
            }
            else if (n < 80)
            {
                var i = random.Next(model.Count);
                list[i] = -step;
                model[i] = -step;
            }
            else if (n < 98)
            {
                list.RemoveLast();
                model.RemoveAt(model.Count - 1);
            }
            else
            {
                frozen.Add((list.Freeze(), [.. model]));
            }
        }

        Assert.Equal(model, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.NotEmpty(frozen);
        foreach (var (copy, expected) in frozen)
        {
            Assert.Equal(expected, copy);
            Assert.Equal(expected.Length, copy.Count);
        }
    }
}
