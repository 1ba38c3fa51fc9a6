namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// KubeVirt's synchronization controller as the model shows it: the Lease it holds in namespace <c>kubevirt</c>, the
/// holder Pod and its IP. A sender's <c>connectURL</c> must name <see cref="Address"/>.
/// </summary>
public static class SynchronizationController
{
    /// <summary>The Lease's name.</summary>
    public const string LeaseName = "virt-synchronization-controller";

    /// <summary>The namespace of the Lease and the Pod.</summary>
    public const string Namespace = "kubevirt";

    /// <summary>The holder Pod (the Lease's <c>holderIdentity</c>).</summary>
    public const string PodName = "virt-synchronization-controller-5d8f7c9b6-x2k4q";

    /// <summary>The holder Pod's IP.</summary>
    public const string PodIp = "10.129.0.9";

    /// <summary>The port the controller listens on.</summary>
    public const int Port = 9185;

    /// <summary><c>PodIp:Port</c>, what <c>status.synchronizationAddresses</c> lists.</summary>
    public static string Address => $"{PodIp}:{Port}";
}
