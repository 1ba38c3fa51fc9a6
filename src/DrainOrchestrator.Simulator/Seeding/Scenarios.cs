namespace DrainOrchestrator.Simulator.Seeding;

/// <summary>Resolves <c>--scenario NAME|FILE</c> to a seeding step.</summary>
public static class Scenarios
{
    /// <summary>The built-in scenario names.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["empty", "tiny"];

    /// <summary>The seeder for a scenario, or null with a problem when it names nothing known.</summary>
    public static ISeeder? Resolve(string scenario, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        problem = null;
        switch (scenario)
        {
            case "empty":
                return new EmptySeeder();
            case "tiny":
                return new TinyClusterSeeder();
        }

        if (File.Exists(scenario) && scenario.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectListSeeder(scenario);
        }

        problem = $"unknown scenario \"{scenario}\": use one of {string.Join(", ", BuiltIn)} or an existing .json List file";
        return null;
    }
}
