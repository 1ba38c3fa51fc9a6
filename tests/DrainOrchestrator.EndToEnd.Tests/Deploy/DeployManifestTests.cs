using System.Text.RegularExpressions;
using k8s.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/: every overlay renders with <c>kubectl kustomize</c>, every built-in object decodes strictly into the
/// Kubernetes models, and the server runs as the issue asks (two spread replicas, non-root, read-only root filesystem,
/// seccomp, requests, probes), with every reference resolving.
/// </summary>
public sealed partial class DeployManifestTests
{
    public static TheoryData<string> Overlays => ["kubernetes", "openshift", "dev"];

    /// <summary>The Secrets an operator creates before applying a production overlay (deploy/README.md lists them).</summary>
    private static readonly string[] OperatorSecrets = ["drain-orchestrator-db", "drain-orchestrator-tokens", "drain-orchestrator-tls"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Overlay_RendersEveryPartAndEachObjectDecodesStrictly(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        var kinds = rendered.Documents.Select(d => (string)d["kind"]!).ToHashSet(StringComparer.Ordinal);
        string[] expected = ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap",
            "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule"];
        Assert.Empty(expected.Except(kinds));
        Assert.Equal(rendered.Documents.Count(d => !((string)d["apiVersion"]!).StartsWith("monitoring.coreos.com/", StringComparison.Ordinal)),
            rendered.Typed.Count);
        Assert.Equal(overlay == "dev", rendered.All<V1StatefulSet>().Any(s => s.Metadata.Name == "postgres"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task ServerDeployment_TwoSpreadReplicasHardenedWithRequestsAndProbes(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var deployment = rendered.One<V1Deployment>("drain-orchestrator");
        var pod = deployment.Spec.Template.Spec;

        Assert.Equal(2, deployment.Spec.Replicas);
        var spread = Assert.Single(pod.Affinity.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution);
        Assert.Equal("kubernetes.io/hostname", spread.TopologyKey);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, spread.LabelSelector.MatchLabels);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.Equal("drain-orchestrator", pod.ServiceAccountName);
        foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
        {
            var security = container.SecurityContext;
            Assert.True(security.ReadOnlyRootFilesystem, $"{container.Name}: readOnlyRootFilesystem");
            Assert.False(security.AllowPrivilegeEscalation, $"{container.Name}: allowPrivilegeEscalation");
            Assert.Equal(["ALL"], security.Capabilities.Drop);
            Assert.True(container.Resources.Requests.ContainsKey("cpu") && container.Resources.Requests.ContainsKey("memory"),
                $"{container.Name}: resource requests");
        }

        var server = Assert.Single(pod.Containers);
        Assert.Equal("/readyz", server.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", server.LivenessProbe.HttpGet.Path);
        var port = Assert.Single(server.Ports);
        Assert.Equal(port.Name, server.ReadinessProbe.HttpGet.Port.Value);
        var tls = server.Args.Any(a => a.StartsWith("--tls-cert=", StringComparison.Ordinal));
        Assert.Equal(overlay != "dev", tls);
        Assert.Equal(tls ? "HTTPS" : "HTTP", server.ReadinessProbe.HttpGet.Scheme);
        Assert.Equal(port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Regex.Match(Assert.Single(server.Args, a => a.StartsWith("--listen=", StringComparison.Ordinal)), @":(\d+)$").Groups[1].Value);

        // Every file an argument names lies in a mount (an overlay's patch once emptied the list: no tokens file, no
        // writable /tmp, a pod that never starts), and /tmp is writable.
        var mounts = server.VolumeMounts ?? [];
        foreach (var path in server.Args.Select(a => Regex.Match(a, "^--[a-z-]+=(/.+)$")).Where(m => m.Success).Select(m => m.Groups[1].Value))
        {
            Assert.True(mounts.Any(m => path.StartsWith(m.MountPath + "/", StringComparison.Ordinal)),
                $"{overlay}: {path} is in no volume mount of the server ({string.Join(", ", mounts.Select(m => m.MountPath))})");
        }

        Assert.Contains(mounts, m => m.MountPath == "/tmp");

        // Writable only where it must be: every volume mount is read-only, a Secret, or the /tmp emptyDir.
        var volumes = pod.Volumes.ToDictionary(v => v.Name);
        Assert.All(mounts, m => Assert.True(m.ReadOnlyProperty == true || volumes[m.Name].EmptyDir is not null, m.Name));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task EveryReference_ResolvesInTheOverlayOrIsASecretTheReadmeTellsTheOperatorToCreate(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var configMaps = rendered.All<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        var secrets = rendered.All<V1Secret>().ToDictionary(s => s.Metadata.Name);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "README.md"));
        var problems = new List<string>();
        foreach (var workload in rendered.All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Spec, Claims: Array.Empty<string>()))
                     .Concat(rendered.All<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Spec,
                         Claims: (s.Spec.VolumeClaimTemplates ?? []).Select(c => c.Metadata.Name).ToArray()))))
        {
            foreach (var env in workload.Spec.Containers.Concat(workload.Spec.InitContainers ?? []).SelectMany(c => c.Env ?? []))
            {
                if (env.ValueFrom?.ConfigMapKeyRef is { } cm && !(configMaps.TryGetValue(cm.Name, out var map) && map.Data.ContainsKey(cm.Key)))
                {
                    problems.Add($"{workload.Name}: {env.Name} reads ConfigMap {cm.Name} key {cm.Key}, which the overlay does not have");
                }

                if (env.ValueFrom?.SecretKeyRef is { } sk)
                {
                    CheckSecret(workload.Name, sk.Name, sk.Key);
                }
            }

            foreach (var volume in workload.Spec.Volumes ?? [])
            {
                if (volume.Secret is { } secret)
                {
                    CheckSecret(workload.Name, secret.SecretName, null);
                }

                if (volume.ConfigMap is { } cm && !configMaps.ContainsKey(cm.Name))
                {
                    problems.Add($"{workload.Name}: volume {volume.Name} mounts ConfigMap {cm.Name}, which the overlay does not have");
                }
            }

            foreach (var mount in workload.Spec.Containers.SelectMany(c => c.VolumeMounts ?? []))
            {
                if ((workload.Spec.Volumes ?? []).All(v => v.Name != mount.Name) && !workload.Claims.Contains(mount.Name))
                {
                    problems.Add($"{workload.Name}: mount {mount.Name} has no volume");
                }
            }
        }

        var server = rendered.One<V1Deployment>("drain-orchestrator");
        var podLabels = server.Spec.Template.Metadata.Labels;
        bool Selects(IDictionary<string, string> selector) => selector.All(p => podLabels.TryGetValue(p.Key, out var v) && v == p.Value);
        Assert.True(Selects(rendered.One<V1Service>("drain-orchestrator").Spec.Selector), "the Service selects the server's pods");
        Assert.True(Selects(rendered.One<V1PodDisruptionBudget>("drain-orchestrator").Spec.Selector.MatchLabels), "the PDB selects them");
        Assert.True(Selects(rendered.One<V1NetworkPolicy>("drain-orchestrator").Spec.PodSelector.MatchLabels), "the NetworkPolicy selects them");
        var containerPort = Assert.Single(Assert.Single(server.Spec.Template.Spec.Containers).Ports).ContainerPort;
        Assert.Contains(rendered.One<V1NetworkPolicy>("drain-orchestrator").Spec.Ingress.SelectMany(i => i.Ports),
            p => p.Port.Value == containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var monitor = rendered.Custom("ServiceMonitor");
        Assert.Equal(rendered.One<V1Service>("drain-orchestrator").Spec.Ports.Single().Name, (string?)monitor["spec"]!["endpoints"]![0]!["port"]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void CheckSecret(string workload, string name, string? key)
        {
            if (secrets.TryGetValue(name, out var secret))
            {
                if (key is not null && !(secret.Data ?? new Dictionary<string, byte[]>()).ContainsKey(key))
                {
                    problems.Add($"{workload}: Secret {name} has no key {key}");
                }
            }
            else if (!OperatorSecrets.Contains(name) || !readme.Contains(name, StringComparison.Ordinal)
                     || (key is not null && !readme.Contains(key, StringComparison.Ordinal)))
            {
                problems.Add($"{workload}: Secret {name}{(key is null ? "" : " key " + key)} is neither in the overlay nor in deploy/README.md's list");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task UserIds_AreTheContainerfilesOnKubernetesAndLeftToTheSccOnOpenShift(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var pod = rendered.One<V1Deployment>("drain-orchestrator").Spec.Template.Spec;
        var containerfile = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "Containerfile"));
        var user = long.Parse(UserLine().Matches(containerfile).Last().Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        if (overlay == "openshift")
        {
            Assert.Null(pod.SecurityContext.RunAsUser);
            Assert.Null(pod.SecurityContext.FsGroup);
            Assert.All(pod.Containers, c => Assert.Null(c.SecurityContext.RunAsUser));
        }
        else
        {
            Assert.Equal(user, pod.SecurityContext.RunAsUser);
            Assert.Equal(user, pod.SecurityContext.FsGroup);
        }
    }

    [Fact]
    public async Task PrometheusRule_AlertsOnAStalledDrainRisingFailuresAWindowOverrunAndADrainWithoutItsReplica()
    {
        var rendered = await RenderedOverlay.RenderAsync("kubernetes");
        var rules = rendered.Custom("PrometheusRule")["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        var alerts = rules.ToDictionary(r => (string)r["alert"]!);
        string[] required = ["DrainOrchestratorDrainStalled", "DrainOrchestratorMigrationFailuresRising", "DrainOrchestratorWindowOverrun",
            "DrainOrchestratorDrainWithoutReplica"];
        Assert.Empty(required.Except(alerts.Keys));
        Assert.All(alerts.Values, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)a["expr"]));
            Assert.Contains((string?)a["labels"]!["severity"], new[] { "info", "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace((string?)a["annotations"]!["summary"]));
        });
        Assert.Contains("state=\"suspended\"", (string)alerts["DrainOrchestratorWindowOverrun"]["expr"]!, StringComparison.Ordinal);
        Assert.Contains("drain_orchestrator_drains_owned", (string)alerts["DrainOrchestratorDrainWithoutReplica"]["expr"]!, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^USER\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
