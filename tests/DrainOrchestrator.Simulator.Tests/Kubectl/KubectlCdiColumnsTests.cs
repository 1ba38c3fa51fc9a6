using System.Text.RegularExpressions;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Kubectl;

/// <summary><c>kubectl get dv,pvc -A</c> with kubectl 1.32 prints CDI's DataVolume columns and kube-apiserver's PVC columns.</summary>
public sealed partial class KubectlCdiColumnsTests(DecentralizedFixture fixture) : IClassFixture<DecentralizedFixture>
{
    [Fact]
    public async Task GetDvPvc_AllNamespaces_PrintsCdisAndKubeApiserversColumns()
    {
        using var client = fixture.CreateClient();
        await client.CreateAsync(DecentralizedApi.DataVolumes("target"), DecentralizedApi.BlankDataVolume("target", "columns-root", "20Gi"));
        await client.CreateAsync(DecentralizedApi.DataVolumes("target"),
            DecentralizedApi.BlankDataVolume("target", "columns-pending", "1Gi", storageClass: "missing-class"));

        var output = await fixture.Kubectl.SucceedAsync("get", "dv,pvc", "-A");

        var blocks = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, blocks.Length);
        var dvs = Lines(blocks[0]);
        Assert.Equal(["NAMESPACE", "NAME", "PHASE", "PROGRESS", "RESTARTS", "AGE"], dvs[0]);
        var bound = dvs.Single(r => r[1] == "datavolume.cdi.kubevirt.io/columns-root");
        Assert.Equal(["target", "datavolume.cdi.kubevirt.io/columns-root", "Succeeded", "100.0%"], bound[..4]);
        // AGE is a date column: kubectl computes it against its own wall clock, which model time at 20x runs ahead of.
        Assert.Matches("^([0-9]+[smh]|<invalid>)$", bound[^1]);
        var pending = dvs.Single(r => r[1] == "datavolume.cdi.kubevirt.io/columns-pending");
        Assert.Equal(["Pending", "N/A"], pending[2..4]);

        var pvcs = Lines(blocks[1]);
        Assert.Equal(["NAMESPACE", "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"],
            pvcs[0]);
        var (_, dv) = await client.GetJsonAsync($"{DecentralizedApi.DataVolumes("target")}/columns-root");
        var claim = pvcs.Single(r => r[1] == "persistentvolumeclaim/columns-root");
        Assert.Equal(["target", "persistentvolumeclaim/columns-root", "Bound", "pvc-" + dv["metadata"]!["uid"]!.GetValue<string>(),
            "20Gi", "RWO", "standard", "<unset>"], claim[..8]);
        // Unbound: no volume, capacity or access modes (blank cells), as kube-apiserver prints a Pending claim.
        var unbound = pvcs.Single(r => r[1] == "persistentvolumeclaim/columns-pending");
        Assert.Equal(["target", "persistentvolumeclaim/columns-pending", "Pending", "missing-class", "<unset>"], unbound[..5]);
    }

    private static List<string[]> Lines(string block) =>
        [.. block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Columns().Split(l.Trim()))];

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
