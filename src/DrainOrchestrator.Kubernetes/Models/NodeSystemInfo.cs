using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Identity and versions of a node (core/v1 NodeSystemInfo).</summary>
public sealed class NodeSystemInfo : WireModel
{
    /// <summary>Machine id.</summary>
    [JsonPropertyName("machineID")]
    public string? MachineId { get; set; }

    /// <summary>System UUID.</summary>
    [JsonPropertyName("systemUUID")]
    public string? SystemUuid { get; set; }

    /// <summary>Boot id; changes on reboot.</summary>
    [JsonPropertyName("bootID")]
    public string? BootId { get; set; }

    /// <summary>Kernel version.</summary>
    public string? KernelVersion { get; set; }

    /// <summary>OS image.</summary>
    public string? OsImage { get; set; }

    /// <summary>Container runtime version.</summary>
    public string? ContainerRuntimeVersion { get; set; }

    /// <summary>Kubelet version, e.g. <c>v1.31.2</c>.</summary>
    public string? KubeletVersion { get; set; }

    /// <summary>Deprecated kube-proxy version.</summary>
    public string? KubeProxyVersion { get; set; }

    /// <summary><c>linux</c>.</summary>
    public string? OperatingSystem { get; set; }

    /// <summary>CPU architecture, e.g. <c>amd64</c>.</summary>
    public string? Architecture { get; set; }
}
