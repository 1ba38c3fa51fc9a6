namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A simulator plus a kubectl bound to its kubeconfig; fails (does not skip) when kubectl is missing.</summary>
public sealed class KubectlFixture : SimulatorFixture
{
    public Kubectl Kubectl
    {
        get
        {
            Assert.True(Kubectl.Binary.Length > 0, Kubectl.InstallHint);
            return new Kubectl(KubeconfigPath, Path.Combine(Directory, "kube-cache"));
        }
    }
}
