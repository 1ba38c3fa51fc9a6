using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Security;

/// <summary>
/// Issue 17, in-cluster operation: <c>drainctl serve</c> started as a pod's container is (KUBERNETES_SERVICE_HOST and
/// _PORT, the ServiceAccount's token, CA and namespace mounted at /run/secrets/kubernetes.io/serviceaccount, no
/// kubeconfig) reaches drain-sim as that ServiceAccount under deploy/'s roles, and keeps working when the token is
/// rotated underneath it: the old token dies with its account, the new one is written where the kubelet writes it.
/// </summary>
public sealed partial class InClusterTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [RootFact]
    public async Task Serve_InClusterWithAMountedTokenAndCa_DrainsAndFollowsARotatedToken()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        await ShippedRoles.ApplyAsync(sim);
        var account = Directory.CreateTempSubdirectory("drain-serviceaccount-").FullName;
        await WriteTokenAsync(account, await ShippedRoles.RegisterTokenAsync(sim));
        await File.WriteAllTextAsync(Path.Combine(account, "ca.crt"), await CertificateAuthorityAsync(sim));
        await File.WriteAllTextAsync(Path.Combine(account, "namespace"), ShippedRoles.Namespace);
        var tokens = await ApiTokens.CreateAsync(Directory.CreateTempSubdirectory("drain-incluster-tokens-").FullName);

        await using var server = await ServerProcess.StartInClusterAsync(new Uri(sim.Server), account, database.ConnectionString, tokens.Path);
        using var client = server.Client(tokens.Operator);
        var before = await ServerDrains.StartWithCurlAsync(server, tokens.Operator, "src-1");
        Assert.Equal("succeeded", (await ServerDrains.WaitFinalAsync(client, Drainctl.Patience, before))[before]);

        // Rotation: the account is deleted, which kills its token, and registered again with a new one.
        var (exit, output, error) = await Tool.RunAsync("kubectl",
            ["--kubeconfig", sim.KubeconfigPath, "-n", ShippedRoles.Namespace, "delete", "serviceaccount", ShippedRoles.Account]);
        Assert.True(exit == 0, output + error);
        await WriteTokenAsync(account, await ShippedRoles.RegisterTokenAsync(sim));
        var after = await ServerDrains.StartWithCurlAsync(server, tokens.Operator, "src-2");

        Assert.Equal("succeeded", (await ServerDrains.WaitFinalAsync(client, Drainctl.Patience, after))[after]);
        Assert.DoesNotContain((await sim.VmisAsync()).Values, v => v.Status!.NodeName is "src-1" or "src-2");
        Assert.False(server.HasExited, server.Output);
    }

    // As the kubelet does: the new file is complete before it replaces the old one.
    private static async Task WriteTokenAsync(string directory, string token)
    {
        var staged = Path.Combine(directory, ".token.new");
        await File.WriteAllTextAsync(staged, token);
        File.Move(staged, Path.Combine(directory, "token"), overwrite: true);
    }

    private static async Task<string> CertificateAuthorityAsync(SimulatorProcess sim)
    {
        var kubeconfig = await File.ReadAllTextAsync(sim.KubeconfigPath);
        var data = CertificateAuthorityData().Match(kubeconfig);
        Assert.True(data.Success, "drain-sim's kubeconfig carries no certificate-authority-data");
        return System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(data.Groups[1].Value.Trim()));
    }

    [GeneratedRegex(@"certificate-authority-data:\s*(\S+)")]
    private static partial Regex CertificateAuthorityData();
}
