using System.Net;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Metrics;

/// <summary><c>/metrics</c> over HTTPS on the model-backed cluster.</summary>
public sealed class MetricsEndpointTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task Scrape_AfterAMigration_ShowsItSucceededAndEveryRunningGuestsDirtyRate()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("scraped", "solo-5")).Code);
        await client.WaitForPhaseAsync("scraped", "Succeeded");
        var node = (await client.GetVmiAsync("solo-5"))["status"]!["nodeName"]!.GetValue<string>();

        using var response = await client.GetAsync("/metrics");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("kubevirt_vmi_migration_succeeded{vmi=\"solo-5\",vmim=\"scraped\",namespace=\"default\"} 1", lines);
        // solo VMs dirty 10Mi per second (the scenario).
        Assert.Contains($"kubevirt_vmi_dirty_rate_bytes_per_second{{node=\"{node}\",namespace=\"default\",name=\"solo-5\"}} 10485760", lines);
    }

    [Fact]
    public async Task Scrape_WithoutAToken_Is401()
    {
        using var client = fixture.CreateClient(withToken: false);

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
