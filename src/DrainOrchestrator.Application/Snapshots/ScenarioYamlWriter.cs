using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>
/// Writes a <see cref="SnapshotScenario"/> in drain-sim's scenario format (src/DrainOrchestrator.Simulator/README.md):
/// every string double-quoted, quantities in plain bytes, durations in plain seconds (maxDowntimeMs in milliseconds), and
/// the warnings as comments at the top.
/// </summary>
internal static class ScenarioYamlWriter
{
    public static string Write(SnapshotScenario s, IReadOnlyList<string> header, IReadOnlyList<string> warnings)
    {
        var w = new StringBuilder();
        foreach (var line in header)
        {
            w.Append("# ").Append(OneLine(line)).Append('\n');
        }

        foreach (var warning in warnings)
        {
            w.Append("# warning: ").Append(OneLine(warning)).Append('\n');
        }

        w.Append("name: \"snapshot\"\nseed: 1\n").Append("hints: ").Append(Bool(s.Hints)).Append('\n');
        WriteMigrations(w, s.Migrations);
        w.Append("namespaces:").Append(s.Namespaces.Count == 0 ? " []\n" : "\n");
        foreach (var n in s.Namespaces)
        {
            w.Append("  - name: ").Append(Q(n.Name)).Append("\n    labels: ").Append(Map(n.Labels)).Append('\n');
        }

        w.Append("nodes:\n");
        foreach (var n in s.Nodes)
        {
            w.Append("  - name: ").Append(Q(n.Name)).Append('\n')
                .Append("    memory: ").Append(Num(n.MemoryBytes)).Append('\n')
                .Append("    nicBandwidth: ").Append(Num(n.NicBandwidth)).Append('\n')
                .Append("    kubeletVersion: ").Append(Q(n.KubeletVersion)).Append('\n')
                .Append("    ready: ").Append(Bool(n.Ready)).Append('\n')
                .Append("    unschedulable: ").Append(Bool(n.Unschedulable)).Append('\n')
                .Append("    labels: ").Append(Map(n.Labels)).Append('\n')
                .Append("    taints: [").AppendJoin(", ", n.Taints.Select(t => $"{{key: {Q(t.Key)}, value: {Q(t.Value)}, effect: {t.Effect}}}"))
                .Append("]\n");
        }

        w.Append("vms:").Append(s.Vms.Count == 0 ? " []\n" : "\n");
        foreach (var v in s.Vms)
        {
            WriteVm(w, v);
        }

        w.Append("migrationPolicies:").Append(s.Policies.Count == 0 ? " []\n" : "\n");
        foreach (var p in s.Policies)
        {
            WritePolicy(w, p);
        }

        return w.ToString();
    }

    private static void WriteMigrations(StringBuilder w, SnapshotMigrations m)
    {
        w.Append("kubevirt:\n  migrations:\n")
            .Append("    parallelMigrationsPerCluster: ").Append(Num(m.ParallelMigrationsPerCluster)).Append('\n')
            .Append("    parallelOutboundMigrationsPerNode: ").Append(Num(m.ParallelOutboundMigrationsPerNode)).Append('\n')
            .Append("    bandwidthPerMigration: ").Append(Num(m.BandwidthPerMigration)).Append('\n')
            .Append("    completionTimeoutPerGiB: ").Append(Num(m.CompletionTimeoutPerGiBSeconds)).Append('\n')
            .Append("    progressTimeout: ").Append(Num(m.ProgressTimeoutSeconds)).Append('\n')
            .Append("    allowPostCopy: ").Append(Bool(m.AllowPostCopy)).Append('\n')
            .Append("    allowAutoConverge: ").Append(Bool(m.AllowAutoConverge)).Append('\n');
        if (m.AllowWorkloadDisruption is { } disruption)
        {
            w.Append("    allowWorkloadDisruption: ").Append(Bool(disruption)).Append('\n');
        }

        w.Append("    maxDowntimeMs: ").Append(Num(m.MaxDowntimeMs)).Append('\n');
    }

    private static void WriteVm(StringBuilder w, SnapshotVm v)
    {
        w.Append("  - namespace: ").Append(Q(v.Namespace)).Append('\n')
            .Append("    name: ").Append(Q(v.Name)).Append('\n');
        if (v.Uid is not null)
        {
            w.Append("    uid: ").Append(Q(v.Uid)).Append('\n');
        }

        w.Append("    vmiUid: ").Append(Q(v.VmiUid)).Append('\n')
            .Append("    memory: ").Append(Num(v.MemoryBytes)).Append('\n')
            .Append("    dirtyRate: ").Append(Num(v.DirtyRate)).Append('\n')
            .Append("    runStrategy: ").Append(v.RunStrategy).Append('\n');
        if (v.EvictionStrategy is not null)
        {
            w.Append("    evictionStrategy: ").Append(v.EvictionStrategy).Append('\n');
        }

        if (v.NonMigratableReason is not null)
        {
            w.Append("    nonMigratableReason: ").Append(Q(v.NonMigratableReason)).Append('\n');
        }

        w.Append("    labels: ").Append(Map(v.Labels)).Append('\n')
            .Append("    nodeSelector: ").Append(Map(v.NodeSelector)).Append('\n')
            .Append("    tolerations: [").AppendJoin(", ", v.Tolerations.Select(Toleration)).Append("]\n");
        if (v.RequiredAffinity.Count > 0)
        {
            w.Append("    affinity:\n      required:\n");
            foreach (var term in v.RequiredAffinity)
            {
                w.Append("        - matchExpressions: [")
                    .AppendJoin(", ", term.Select(e => $"{{key: {Q(e.Key)}, operator: {e.Operator}, values: [{string.Join(", ", e.Values.Select(Q))}]}}"))
                    .Append("]\n");
            }
        }

        w.Append("    node: ").Append(Q(v.Node)).Append('\n');
    }

    private static void WritePolicy(StringBuilder w, SnapshotPolicy p)
    {
        w.Append("  - name: ").Append(Q(p.Name)).Append('\n')
            .Append("    selectors:\n      namespaceSelector: ").Append(Map(p.NamespaceSelector)).Append('\n')
            .Append("      virtualMachineInstanceSelector: ").Append(Map(p.VmiSelector)).Append('\n');
        void Line(string key, string? value)
        {
            if (value is not null)
            {
                w.Append("    ").Append(key).Append(": ").Append(value).Append('\n');
            }
        }

        Line("bandwidthPerMigration", p.BandwidthPerMigration is { } b ? Num(b) : null);
        Line("completionTimeoutPerGiB", p.CompletionTimeoutPerGiBSeconds is { } c ? Num(c) : null);
        Line("allowPostCopy", p.AllowPostCopy is { } pc ? Bool(pc) : null);
        Line("allowAutoConverge", p.AllowAutoConverge is { } ac ? Bool(ac) : null);
        Line("allowWorkloadDisruption", p.AllowWorkloadDisruption is { } wd ? Bool(wd) : null);
        Line("maxDowntimeMs", p.MaxDowntimeMs is { } md ? Num(md) : null);
    }

    private static string Toleration(SnapshotToleration t)
    {
        var parts = new List<string>();
        if (t.Key is not null)
        {
            parts.Add("key: " + Q(t.Key));
        }

        parts.Add("operator: " + t.Operator);
        if (t.Value is not null)
        {
            parts.Add("value: " + Q(t.Value));
        }

        if (t.Effect is not null)
        {
            parts.Add("effect: " + t.Effect);
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Map(IReadOnlyDictionary<string, string> map) =>
        "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Q(p.Key) + ": " + Q(p.Value))) + "}";

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    // A YAML double-quoted scalar: backslash, quote and every control character escaped.
    private static string Q(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => b.Append("\\\""),
                '\\' => b.Append("\\\\"),
                _ when char.IsControl(c) => b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => b.Append(c),
            };
        }

        return b.Append('"').ToString();
    }
}
