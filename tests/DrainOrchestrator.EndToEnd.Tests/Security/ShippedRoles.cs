using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;
using YamlDotNet.Serialization;

namespace DrainOrchestrator.EndToEnd.Tests.Security;

/// <summary>
/// deploy/base's identity and roles, applied to drain-sim (which enforces RBAC) with kubectl, and a kubeconfig that
/// authenticates as the ServiceAccount alone.
/// </summary>
internal static partial class ShippedRoles
{
    public const string Namespace = "drain-orchestrator";
    public const string Account = "drain-orchestrator";
    private static readonly string[] Files = ["base/namespace.yaml", "base/serviceaccount.yaml", "base/clusterrole.yaml", "base/clusterrolebinding.yaml",
        "base/lease-role.yaml"];

    /// <summary>The optional evacuation component's roles (deploy/components/evacuation).</summary>
    public static readonly string[] EvacuationFiles = ["components/evacuation/clusterrole.yaml", "components/evacuation/kubevirt-role.yaml"];

    // medik8s' namespace, which its operators create where they are installed (deploy/ does not own it).
    private const string LeaseNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: medik8s-leases
        """;

    /// <summary>One rule of the shipped roles: the ClusterRole's rules in order, then the node-Lease Role's.</summary>
    public sealed record Rule(string File, int Index, string Group, string Resource, IReadOnlyList<string> Verbs)
    {
        public override string ToString() => $"{Group}/{Resource} [{string.Join(",", Verbs)}]";
    }

    /// <summary>Every rule the shipped roles grant.</summary>
    public static IReadOnlyList<Rule> Rules()
    {
        var rules = new List<Rule>();
        foreach (var file in new[] { "base/clusterrole.yaml", "base/lease-role.yaml" })
        {
            var documents = Documents(file);
            var role = documents.Single(d => (string)d["kind"] is "ClusterRole" or "Role");
            var items = (List<object>)role["rules"];
            for (var i = 0; i < items.Count; i++)
            {
                var rule = (Dictionary<object, object>)items[i];
                rules.Add(new Rule(file, i, (string)((List<object>)rule["apiGroups"]).Single(), (string)((List<object>)rule["resources"]).Single(),
                    [.. ((List<object>)rule["verbs"]).Cast<string>()]));
            }
        }

        return rules;
    }

    /// <summary>
    /// Applies the roles (all of them, or without <paramref name="without"/>), and those of <paramref name="more"/> files
    /// under deploy/, with the simulator's admin kubeconfig.
    /// </summary>
    public static async Task ApplyAsync(SimulatorProcess sim, Rule? without = null, IEnumerable<string>? more = null)
    {
        var serializer = new SerializerBuilder().Build();
        var yaml = LeaseNamespace + "\n---\n" + string.Join("\n---\n", Files.Concat(more ?? []).SelectMany(file => Documents(file).Select(document =>
        {
            if (without is not null && file == without.File && (string)document["kind"] is "ClusterRole" or "Role")
            {
                ((List<object>)document["rules"]).RemoveAt(without.Index);
            }

            return serializer.Serialize(document);
        })));
        var (exit, output, error) = await Tool.RunAsync("kubectl", ["--kubeconfig", sim.KubeconfigPath, "apply", "-f", "-"], yaml);
        Assert.True(exit == 0, $"kubectl apply of deploy/base's roles failed ({exit}): {output}{error}");
    }

    /// <summary>Registers a token for the ServiceAccount and writes a kubeconfig that carries it instead of the admin token.</summary>
    public static async Task<string> KubeconfigAsync(SimulatorProcess sim)
    {
        var token = await RegisterTokenAsync(sim);
        var admin = await File.ReadAllTextAsync(sim.KubeconfigPath);
        var replaced = TokenLine().Replace(admin, m => m.Groups[1].Value + token);
        Assert.NotEqual(admin, replaced);
        var path = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "kubeconfig-" + Account);
        await File.WriteAllTextAsync(path, replaced);
        return path;
    }

    /// <summary>Registers a new token for the ServiceAccount (creating the account when it is missing) and returns it.</summary>
    public static async Task<string> RegisterTokenAsync(SimulatorProcess sim)
    {
        var token = "sa-" + Guid.NewGuid().ToString("N");
        await sim.PostAdminAsync("/sim/v1/tokens", $$"""{"namespace":"{{Namespace}}","serviceAccount":"{{Account}}","token":"{{token}}"}""");
        return token;
    }

    private static List<Dictionary<object, object>> Documents(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", file));
        var deserializer = new DeserializerBuilder().Build();
        return [.. text.Split("\n---\n").Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => deserializer.Deserialize<Dictionary<object, object>>(t))];
    }

    [GeneratedRegex(@"(?m)^(\s*token:\s*).*$")]
    private static partial Regex TokenLine();
}
