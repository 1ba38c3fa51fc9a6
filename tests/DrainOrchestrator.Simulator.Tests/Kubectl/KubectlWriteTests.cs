using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Kubectl;

public sealed class KubectlWriteTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    [Fact]
    public async Task Cordon_ThenUncordon_FlipsUnschedulable()
    {
        await fixture.Kubectl.SucceedAsync("cordon", "node-3");
        Assert.True(Unschedulable("node-3"));
        var listed = await fixture.Kubectl.SucceedAsync("get", "nodes", "--field-selector", "spec.unschedulable=true", "-o", "name");
        Assert.Equal("node/node-3", listed.Trim());

        await fixture.Kubectl.SucceedAsync("uncordon", "node-3");
        Assert.False(Unschedulable("node-3"));
    }

    [Fact]
    public async Task CreateFile_Vmim_CreatesItAndRejectsASecondCreate()
    {
        var path = await WriteAsync("created", "vm-1");

        var output = await fixture.Kubectl.SucceedAsync("create", "-f", path);
        var (code, _, error) = await fixture.Kubectl.RunAsync("create", "-f", path);

        Assert.Contains("virtualmachineinstancemigration.kubevirt.io/created created", output, StringComparison.Ordinal);
        Assert.NotNull(fixture.Store.Get(BuiltInResourceTypes.VirtualMachineInstanceMigrations, "default", "created"));
        Assert.NotEqual(0, code);
        Assert.Contains("AlreadyExists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyFile_NewThenChanged_CreatesThenPatches()
    {
        var path = await WriteAsync("applied", "vm-2");

        var created = await fixture.Kubectl.SucceedAsync("apply", "-f", path);
        var unchanged = await fixture.Kubectl.SucceedAsync("apply", "-f", path);
        await File.WriteAllTextAsync(path, KubectlManifests.Vmim("applied", "vm-3"));
        var configured = await fixture.Kubectl.SucceedAsync("apply", "-f", path);

        Assert.Contains("created", created, StringComparison.Ordinal);
        Assert.Contains("unchanged", unchanged, StringComparison.Ordinal);
        Assert.Contains("configured", configured, StringComparison.Ordinal);
        var stored = fixture.Store.Get(BuiltInResourceTypes.VirtualMachineInstanceMigrations, "default", "applied")!.ToJsonObject();
        Assert.Equal("vm-3", stored["spec"]!["vmiName"]!.GetValue<string>());
        Assert.NotNull(stored["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public async Task Delete_Vmim_RemovesIt()
    {
        await fixture.Kubectl.SucceedAsync("create", "-f", await WriteAsync("doomed", "vm-1"));

        var output = await fixture.Kubectl.SucceedAsync("delete", "vmim", "doomed");

        Assert.Contains("deleted", output, StringComparison.Ordinal);
        Assert.Null(fixture.Store.Get(BuiltInResourceTypes.VirtualMachineInstanceMigrations, "default", "doomed"));
    }

    [Fact]
    public async Task GetWatch_VmimCreated_ReceivesTheEvent()
    {
        using var process = fixture.Kubectl.Start(["get", "vmim", "-w", "-o", "name", "--request-timeout=20s"]);
        var lines = new List<string>();
        var seen = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (lines)
            {
                lines.Add(e.Data ?? "");
                if (e.Data?.Contains("watched", StringComparison.Ordinal) == true)
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();

        // The watch starts after kubectl's list; create until the object shows up in the stream.
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        await fixture.Kubectl.SucceedAsync("create", "-f", await WriteAsync("watched", "vm-2"));
        var finished = await Task.WhenAny(seen.Task, Task.Delay(TimeSpan.FromSeconds(15)));
        process.Kill(entireProcessTree: true);

        Assert.True(finished == seen.Task, $"kubectl get -w printed: {string.Join('|', lines)}");
    }

    private bool Unschedulable(string node) =>
        fixture.Store.Get(BuiltInResourceTypes.Nodes, null, node)!.ToJsonObject()["spec"]?["unschedulable"] is JsonValue v && v.GetValue<bool>();

    private async Task<string> WriteAsync(string name, string vmi)
    {
        var path = Path.Combine(fixture.Directory, name + ".yaml");
        await File.WriteAllTextAsync(path, KubectlManifests.Vmim(name, vmi));
        return path;
    }
}
