namespace DrainOrchestrator.Simulator.Tests.Kubectl;

/// <summary>YAML manifests as an operator would write them.</summary>
public static class KubectlManifests
{
    public static string Vmim(string name, string vmi) => $"""
        apiVersion: kubevirt.io/v1
        kind: VirtualMachineInstanceMigration
        metadata:
          name: {name}
          namespace: default
        spec:
          vmiName: {vmi}

        """;
}
