namespace DrainOrchestrator.Application.Snapshots;

/// <summary>
/// Replaces the names of a snapshot with <see cref="Pseudonyms"/>, the same way wherever they are referenced: nodes (also
/// as label values, e.g. <c>kubernetes.io/hostname</c>), namespaces, VMs, MigrationPolicies, uids, and label and taint
/// values that look like names (all but empty, true, false and numbers), in labels, selectors, affinity and tolerations.
/// Label and taint keys stay: they are the schema the placement rules read.
/// </summary>
internal sealed class Redactor(Pseudonyms pseudonyms, IReadOnlySet<string> nodeNames)
{
    public static SnapshotScenario Apply(SnapshotScenario scenario, byte[] key)
    {
        var redactor = new Redactor(new Pseudonyms(key), scenario.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal));
        return redactor.Redact(scenario);
    }

    /// <summary>
    /// <paramref name="text"/> (a warning) with every name of the source in it replaced: <paramref name="vms"/> as
    /// namespace/name, <paramref name="names"/> (nodes, namespaces, policies) alone, longest first, so no part of a name survives.
    /// </summary>
    public static string Text(string text, byte[] key, IEnumerable<string> nodes, IEnumerable<(string Namespace, string Name)> vms, IEnumerable<string> names)
    {
        var nodeSet = nodes.ToHashSet(StringComparer.Ordinal);
        var redactor = new Redactor(new Pseudonyms(key), nodeSet);
        var replacements = vms.Select(v => (From: v.Namespace + "/" + v.Name, To: redactor.Ns(v.Namespace) + "/" + redactor.Vm(v.Namespace, v.Name)))
            .Concat(nodeSet.Select(n => (From: n, To: redactor.Node(n))))
            .Concat(names.Where(n => !nodeSet.Contains(n)).Select(n => (From: n, To: "(name)")))
            .Where(r => r.From.Length > 0).OrderByDescending(r => r.From.Length);
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    private SnapshotScenario Redact(SnapshotScenario s) => s with
    {
        Namespaces = [.. s.Namespaces.Select(n => new SnapshotNamespace(Ns(n.Name), Labels(n.Labels))).OrderBy(n => n.Name, StringComparer.Ordinal)],
        Nodes = [.. s.Nodes.Select(n => n with
        {
            Name = Node(n.Name),
            Labels = Labels(n.Labels),
            Taints = [.. n.Taints.Select(t => t with { Value = Value(t.Value) })],
        }).OrderBy(n => n.Name, StringComparer.Ordinal)],
        Vms = [.. s.Vms.Select(v => v with
        {
            Namespace = Ns(v.Namespace),
            Name = Vm(v.Namespace, v.Name),
            Uid = v.Uid is null ? null : pseudonyms.Uid(v.Uid),
            VmiUid = pseudonyms.Uid(v.VmiUid),
            Labels = Labels(v.Labels),
            NodeSelector = Labels(v.NodeSelector),
            RequiredAffinity = [.. v.RequiredAffinity.Select(t => (IReadOnlyList<SnapshotExpression>)[.. t.Select(e => e with { Values = [.. e.Values.Select(Value)] })])],
            Tolerations = [.. v.Tolerations.Select(t => t with { Value = t.Value is null ? null : Value(t.Value) })],
            Node = Node(v.Node),
        }).OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)],
        Policies = [.. s.Policies.Select(p => p with
        {
            Name = pseudonyms.Of("mp", p.Name),
            NamespaceSelector = Labels(p.NamespaceSelector),
            VmiSelector = Labels(p.VmiSelector),
        }).OrderBy(p => p.Name, StringComparer.Ordinal)],
    };

    private string Node(string name) => pseudonyms.Of("node", name);

    private string Vm(string @namespace, string name) => pseudonyms.Of("vm", @namespace + "/" + name);

    private string Ns(string name) => pseudonyms.Of("ns", name);

    private Dictionary<string, string> Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.ToDictionary(l => l.Key, l => Value(l.Value), StringComparer.Ordinal);

    // A node's name stays its node's pseudonym wherever it is a value (hostname labels and selectors on them).
    private string Value(string value) => value.Length == 0 || value is "true" or "false" || value.All(char.IsAsciiDigit)
        ? value
        : nodeNames.Contains(value) ? Node(value) : pseudonyms.Of("v", value);
}
