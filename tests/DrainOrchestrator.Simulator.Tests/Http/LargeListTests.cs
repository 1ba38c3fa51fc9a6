using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class LargeListTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const int VmiCount = 10_000;

    [Fact]
    public async Task List_TenThousandVmis_IsServedWhole()
    {
        fixture.Store.Create(BuiltInResourceTypes.Namespaces, SeedObjects.Namespace("bulk"), WriteOptions.Controller);
        for (var i = 0; i < VmiCount; i++)
        {
            var name = $"bulk-{i:D5}";
            fixture.Store.Create(BuiltInResourceTypes.VirtualMachineInstances,
                SeedVirtualMachines.Instance("bulk", name, $"node-{i % 500}", "4Gi", "00000000-0000-4000-8000-000000000000"), WriteOptions.Controller);
        }

        using var client = fixture.CreateClient();
        const string Path = "/apis/kubevirt.io/v1/namespaces/bulk/virtualmachineinstances";

        var (_, list) = await client.GetJsonAsync(Path);

        // Served whole and in order; latency (target: under 200 ms) is a benchmark matter, not a test's.
        var items = list["items"]!.AsArray();
        Assert.Equal(VmiCount, items.Count);
        Assert.Equal("bulk-00000", items[0]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal($"bulk-{VmiCount - 1:D5}", items[^1]!["metadata"]!["name"]!.GetValue<string>());
    }
}
