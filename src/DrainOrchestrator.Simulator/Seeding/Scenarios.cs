using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Seeding;

/// <summary>
/// Resolves <c>--scenario</c> to a seeding step: <c>empty</c> (namespaces only, no cluster model), a <c>.json</c> List
/// file (objects replayed as they are, no cluster model), or a cluster scenario for the simulated KubeVirt cluster: a
/// built-in name, <c>generated:nodes=N,vms=M,seed=S</c> or a YAML file.
/// </summary>
public static class Scenarios
{
    /// <summary>The scenario without a cluster model.</summary>
    public const string Empty = "empty";

    /// <summary>The built-in scenario names.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Empty, .. ScenarioCatalog.BuiltInNames];

    /// <summary>The seeder for a scenario, or null with the problem (an unknown name, an invalid file with its lines).</summary>
    public static ISeeder? Resolve(string scenario, int? seed, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        problem = null;
        if (scenario == Empty)
        {
            return new EmptySeeder();
        }

        if (scenario.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (File.Exists(scenario))
            {
                return new ObjectListSeeder(scenario);
            }

            problem = $"scenario file \"{scenario}\" does not exist";
            return null;
        }

        try
        {
            return new ScenarioSeeder(ScenarioCatalog.Load(scenario), seed);
        }
        catch (ScenarioException e)
        {
            problem = $"{e.Message} (built-in scenarios: {string.Join(", ", BuiltIn)}; or generated:nodes=N,vms=M,seed=S, a .yaml scenario or a .json List)";
            return null;
        }
    }
}
