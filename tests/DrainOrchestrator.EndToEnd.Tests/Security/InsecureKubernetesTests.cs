using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Security;

/// <summary>
/// Issue 17: a kubeconfig that skips TLS verification is refused, and with <c>--allow-insecure-kubernetes</c> it is
/// used against drain-sim with a warning naming what is unsafe and how to make it safe.
/// </summary>
public sealed partial class InsecureKubernetesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Plan_SkipTlsVerify_RefusedWithoutTheFlagAndWarnedAboutWithIt()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 25);
        var kubeconfig = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "kubeconfig-insecure");
        var text = CertificateAuthorityData().Replace(await File.ReadAllTextAsync(sim.KubeconfigPath), m => m.Groups[1].Value + "insecure-skip-tls-verify: true");
        Assert.DoesNotContain("certificate-authority", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(kubeconfig, text);

        var refused = await Drainctl.RunAsync("plan", "--kubeconfig", kubeconfig, "--db", database.ConnectionString, "--node", "src-1");
        var allowed = await Drainctl.RunAsync("plan", "--kubeconfig", kubeconfig, "--db", database.ConnectionString, "--node", "src-1",
            "--allow-insecure-kubernetes");

        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("insecure-skip-tls-verify", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-kubernetes", refused.Output, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.Contains("Insecure connection to the cluster, allowed by --allow-insecure-kubernetes", allowed.Output, StringComparison.Ordinal);
        Assert.Contains("src-1", allowed.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^(\s*)certificate-authority-data:.*$")]
    private static partial Regex CertificateAuthorityData();
}
