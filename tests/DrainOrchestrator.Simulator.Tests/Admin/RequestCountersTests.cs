using DrainOrchestrator.Simulator.Admin.Requests;

namespace DrainOrchestrator.Simulator.Tests.Admin;

public sealed class RequestCountersTests
{
    [Fact]
    public async Task ToJson_WhileNewVerbsAndResourcesAreCounted_NeverThrows()
    {
        // A snapshot sized by Count and then filled by CopyTo fails when a key is added in between; the
        // admin API answered such a read with 500 (seen in CI while a drain was under way).
        var counters = new RequestCounters();
        const int keys = 200_000;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < keys; i++)
            {
                counters.Count("get", "", "r" + i, null);
            }
        });

        var reads = 0;
        while (!writer.IsCompleted)
        {
            var json = counters.ToJson();
            Assert.True(json["requests"]!.AsArray().Count <= keys);
            reads++;
        }

        await writer;
        Assert.True(reads > 0);
        Assert.Equal(keys, (long)counters.ToJson()["total"]!);
    }
}
