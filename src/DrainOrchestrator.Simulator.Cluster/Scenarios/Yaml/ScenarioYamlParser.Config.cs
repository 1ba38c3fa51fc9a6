using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private (MigrationConfig Config, bool EvacuationController) ParseKubeVirt(YamlNode node)
    {
        var fields = _reader.Fields(node, "kubevirt", "migrations", "evacuationController");
        var evacuation = fields.TryGetValue("evacuationController", out var controller)
            && (_reader.Bool(controller, "kubevirt.evacuationController") ?? false);
        return (ParseMigrations(fields), evacuation);
    }

    private MigrationConfig ParseMigrations(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("migrations", out var migrations))
        {
            return MigrationConfig.Default;
        }

        var f = _reader.Fields(migrations, "kubevirt.migrations",
            "parallelMigrationsPerCluster", "parallelOutboundMigrationsPerNode", "bandwidthPerMigration",
            "completionTimeoutPerGiB", "progressTimeout", "allowPostCopy", "allowAutoConverge", "allowWorkloadDisruption",
            "maxDowntimeMs", "network");
        var config = MigrationConfig.Default;
        const string Where = "kubevirt.migrations.";
        if (f.TryGetValue("parallelMigrationsPerCluster", out var n))
        {
            config = config with { ParallelMigrationsPerCluster = _reader.Int(n, Where + "parallelMigrationsPerCluster", 1) ?? config.ParallelMigrationsPerCluster };
        }

        if (f.TryGetValue("parallelOutboundMigrationsPerNode", out n))
        {
            config = config with { ParallelOutboundMigrationsPerNode = _reader.Int(n, Where + "parallelOutboundMigrationsPerNode", 1) ?? config.ParallelOutboundMigrationsPerNode };
        }

        if (f.TryGetValue("bandwidthPerMigration", out n))
        {
            config = config with { BandwidthPerMigration = _reader.Bandwidth(n, Where + "bandwidthPerMigration") ?? 0 };
        }

        if (f.TryGetValue("completionTimeoutPerGiB", out n))
        {
            config = config with { CompletionTimeoutPerGiB = _reader.Duration(n, Where + "completionTimeoutPerGiB", Second) ?? config.CompletionTimeoutPerGiB };
        }

        if (f.TryGetValue("progressTimeout", out n))
        {
            config = config with { ProgressTimeout = _reader.Duration(n, Where + "progressTimeout", Second) ?? config.ProgressTimeout };
        }

        if (f.TryGetValue("allowPostCopy", out n))
        {
            config = config with { AllowPostCopy = _reader.Bool(n, Where + "allowPostCopy") ?? false };
        }

        if (f.TryGetValue("allowAutoConverge", out n))
        {
            config = config with { AllowAutoConverge = _reader.Bool(n, Where + "allowAutoConverge") ?? false };
        }

        if (f.TryGetValue("allowWorkloadDisruption", out n))
        {
            config = config with { AllowWorkloadDisruption = _reader.Bool(n, Where + "allowWorkloadDisruption") };
        }

        if (f.TryGetValue("maxDowntimeMs", out n))
        {
            config = config with { MaxDowntime = _reader.Duration(n, Where + "maxDowntimeMs", Millisecond) ?? config.MaxDowntime };
        }

        if (f.TryGetValue("network", out n))
        {
            config = config with { Network = _reader.Str(n, Where + "network") };
        }

        Positions[config] = migrations;
        return config;
    }

    private MigrationTimings ParseTimings(YamlNode node)
    {
        var f = _reader.Fields(node, "timings", "targetPodStartup", "handOff", "targetPreparation", "transferStart",
            "abort", "unschedulableTimeout", "coldRestart", "autoConvergeStep");
        var t = new MigrationTimings();
        TimeSpan? D(string key) => f.TryGetValue(key, out var v) ? _reader.Duration(v, "timings." + key, Second) : null;
        t = t with
        {
            TargetPodStartup = D("targetPodStartup") ?? t.TargetPodStartup,
            HandOff = D("handOff") ?? t.HandOff,
            TargetPreparation = D("targetPreparation") ?? t.TargetPreparation,
            TransferStart = D("transferStart") ?? t.TransferStart,
            Abort = D("abort") ?? t.Abort,
            UnschedulableTimeout = D("unschedulableTimeout") ?? t.UnschedulableTimeout,
            ColdRestart = D("coldRestart") ?? t.ColdRestart,
            AutoConvergeStep = D("autoConvergeStep") ?? t.AutoConvergeStep,
        };
        Positions[t] = node;
        return t;
    }

    private List<MigrationPolicy> ParsePolicies(YamlNode node)
    {
        var result = new List<MigrationPolicy>();
        foreach (var item in _reader.Items(node, "migrationPolicies"))
        {
            var f = _reader.Fields(item, "a migration policy", "name", "selectors", "allowAutoConverge",
                "bandwidthPerMigration", "completionTimeoutPerGiB", "allowPostCopy", "allowWorkloadDisruption", "maxDowntimeMs");
            var name = _reader.RequiredStr(f, "name", item, "a migration policy");
            if (name is null)
            {
                continue;
            }

            var policy = new MigrationPolicy { Name = name };
            if (f.TryGetValue("selectors", out var selectors))
            {
                var s = _reader.Fields(selectors, "selectors", "namespaceSelector", "virtualMachineInstanceSelector");
                policy = policy with
                {
                    NamespaceSelector = s.TryGetValue("namespaceSelector", out var ns) ? _reader.Labels(ns, "namespaceSelector") : policy.NamespaceSelector,
                    VirtualMachineInstanceSelector = s.TryGetValue("virtualMachineInstanceSelector", out var vs) ? _reader.Labels(vs, "virtualMachineInstanceSelector") : policy.VirtualMachineInstanceSelector,
                };
            }

            var where = $"migration policy {name}: ";
            policy = policy with
            {
                AllowAutoConverge = f.TryGetValue("allowAutoConverge", out var a) ? _reader.Bool(a, where + "allowAutoConverge") : null,
                BandwidthPerMigration = f.TryGetValue("bandwidthPerMigration", out var b) ? _reader.Bandwidth(b, where + "bandwidthPerMigration") : null,
                CompletionTimeoutPerGiB = f.TryGetValue("completionTimeoutPerGiB", out var c) ? _reader.Duration(c, where + "completionTimeoutPerGiB", Second) : null,
                AllowPostCopy = f.TryGetValue("allowPostCopy", out var p) ? _reader.Bool(p, where + "allowPostCopy") : null,
                AllowWorkloadDisruption = f.TryGetValue("allowWorkloadDisruption", out var w) ? _reader.Bool(w, where + "allowWorkloadDisruption") : null,
                MaxDowntime = f.TryGetValue("maxDowntimeMs", out var m) ? _reader.Duration(m, where + "maxDowntimeMs", Millisecond) : null,
            };
            Positions[policy] = item;
            result.Add(policy);
        }

        return result;
    }
}
