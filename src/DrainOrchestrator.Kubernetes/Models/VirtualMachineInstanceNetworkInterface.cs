using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A network interface of a VMI (kubevirt.io/v1 VirtualMachineInstanceNetworkInterface).</summary>
public sealed class VirtualMachineInstanceNetworkInterface : WireModel
{
    /// <summary>Primary IP address.</summary>
    [JsonPropertyName("ipAddress")]
    public string? IpAddress { get; set; }

    /// <summary>All IP addresses.</summary>
    [JsonPropertyName("ipAddresses")]
    public List<string>? IpAddresses { get; set; }

    /// <summary>MAC address.</summary>
    public string? Mac { get; set; }

    /// <summary>Interface name from the VMI spec.</summary>
    public string? Name { get; set; }

    /// <summary>Name inside the guest.</summary>
    public string? InterfaceName { get; set; }

    /// <summary>Name of the pod interface.</summary>
    public string? PodInterfaceName { get; set; }

    /// <summary>Where the information came from (domain, guest-agent, multus-status).</summary>
    public string? InfoSource { get; set; }

    /// <summary>Number of queues.</summary>
    public int? QueueCount { get; set; }

    /// <summary>Link state.</summary>
    public string? LinkState { get; set; }
}
