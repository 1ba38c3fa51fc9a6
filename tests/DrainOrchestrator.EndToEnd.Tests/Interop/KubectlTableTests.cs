using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Interop;

/// <summary>
/// The operator's view after a drain, with the real kubectl (1.32) against drain-sim: <c>kubectl get vmi,vmim,vm -A</c>
/// prints KubeVirt's printer columns and the cluster's values, and nodes and pods print as kube-apiserver prints them.
/// </summary>
public sealed partial class KubectlTableTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task GetVmiVmimVm_AllNamespacesAfterADrain_ShowsKubeVirtsColumnsAndTheMovedGuests()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", Speed);
        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);
        Assert.True(code == 0, output);

        var tables = Tables(await Tool.KubectlAsync(sim.KubeconfigPath, null, "get", "vmi,vmim,vm", "-A"));
        var nodes = Tables(await Tool.KubectlAsync(sim.KubeconfigPath, null, "get", "nodes"));
        var pods = Tables(await Tool.KubectlAsync(sim.KubeconfigPath, null, "get", "pods", "-A"));
        var ip = await Tool.KubectlAsync(sim.KubeconfigPath, null, "get", "vmi", "web-1", "-n", "apps", "-o", "jsonpath={.status.interfaces[0].ipAddress}");
        var migrated = await Tool.KubectlAsync(sim.KubeconfigPath, null, "get", "vmim", "-n", "apps", "-l", "kubevirt.io/vmi-name=web-1",
            "-o", "jsonpath={.items[0].metadata.name}");

        Assert.Equal(3, tables.Count);
        Assert.Equal(["NAMESPACE", "NAME", "AGE", "PHASE", "IP", "NODENAME", "READY"], tables[0].Header);
        Assert.Equal(["NAMESPACE", "NAME", "PHASE", "VMI"], tables[1].Header);
        Assert.Equal(["NAMESPACE", "NAME", "AGE", "STATUS", "READY"], tables[2].Header);
        var vmi = tables[0].Row("virtualmachineinstance.kubevirt.io/web-1");
        Assert.Equal("apps", vmi[0]);
        Assert.Matches("^[0-9]+[smh]", vmi[2]);
        Assert.Equal("Running", vmi[3]);
        Assert.Equal(ip, vmi[4]);
        Assert.StartsWith("spare-", vmi[5], StringComparison.Ordinal);
        Assert.Equal("True", vmi[6]);
        Assert.Equal(["apps", $"virtualmachineinstancemigration.kubevirt.io/{migrated}", "Succeeded", "web-1"],
            tables[1].Row($"virtualmachineinstancemigration.kubevirt.io/{migrated}"));
        Assert.Equal(["Running", "True"], tables[2].Row("virtualmachine.kubevirt.io/web-1")[3..]);
        Assert.Equal("src-2", tables[0].Row("virtualmachineinstance.kubevirt.io/legacy")[5]);

        Assert.Equal(["NAME", "STATUS", "ROLES", "AGE", "VERSION"], nodes[0].Header);
        var source = nodes[0].Row("src-1");
        Assert.StartsWith("Ready", source[1], StringComparison.Ordinal);
        Assert.Equal(["worker", "v1.32.1"], new[] { source[2], source[4] });
        Assert.Equal(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"], pods[0].Header);
        // The guests' virt-launcher pods, and KubeVirt's synchronization controller in its own namespace.
        Assert.Equal(40, pods[0].Rows.Count(r => r[3] == "Running" && r[0] != "kubevirt"));
        Assert.Single(pods[0].Rows, r => r[0] == "kubevirt" && r[1].StartsWith("virt-synchronization-controller-", StringComparison.Ordinal));
        Assert.All(pods[0].Rows.Where(r => r[3] == "Running"), r => Assert.Equal(["1/1", "0"], new[] { r[2], r[4] }));
    }

    /// <summary>kubectl's tables, one per resource type (separated by a blank line), split on runs of spaces.</summary>
    private static List<PrintedTable> Tables(string output) =>
    [
        .. output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(block =>
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Columns().Split(l.Trim())).ToList();
            return new PrintedTable(lines[0], lines.Skip(1).ToList());
        }),
    ];

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();

    private sealed record PrintedTable(string[] Header, List<string[]> Rows)
    {
        /// <summary>The row whose NAME cell is <paramref name="name"/> (the first column, or the second after NAMESPACE).</summary>
        public string[] Row(string name)
        {
            var column = Array.IndexOf(Header, "NAME");
            return Rows.SingleOrDefault(r => r.Length > column && r[column] == name)
                ?? throw new Xunit.Sdk.XunitException($"no row named {name} in:\n{string.Join('\n', Rows.Select(r => string.Join(" | ", r)))}");
        }
    }
}
