using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DrainOrchestrator.Scheduling.Bench.Suite;

/// <summary>The suite file (<c>bench/scenarios/suite.yaml</c>): limit settings, scenarios and their drains.</summary>
internal sealed class SuiteDefinition
{
    public List<LimitSetting> Limits { get; set; } = [];

    /// <summary>Scenarios whose migrations are drawn as a timeline per node (both modes, first limit setting).</summary>
    public List<string> Timelines { get; set; } = [];

    public List<ScenarioEntry> Scenarios { get; set; } = [];

    /// <summary>Reads and checks <paramref name="path"/>; every problem is reported at once.</summary>
    public static SuiteDefinition Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var suite = deserializer.Deserialize<SuiteDefinition>(File.ReadAllText(path)) ?? new SuiteDefinition();
        var problems = new List<string>();
        if (suite.Limits.Count == 0)
        {
            problems.Add("no limit settings");
        }

        problems.AddRange(suite.Limits.Where(l => l.PerCluster < 1 || l.PerNode < 1)
            .Select(l => $"limit setting {l.Name}: perCluster and perNode must be at least 1"));
        foreach (var scenario in suite.Scenarios)
        {
            if (string.IsNullOrWhiteSpace(scenario.Id) || string.IsNullOrWhiteSpace(scenario.File))
            {
                problems.Add("every scenario needs an id and a file");
            }

            if (scenario.Seeds < 1)
            {
                problems.Add($"scenario {scenario.Id}: seeds must be at least 1");
            }

            if (scenario.Batches.Count == 0 || scenario.Batches.Any(b => b.Count == 0))
            {
                problems.Add($"scenario {scenario.Id}: every batch must name at least one node");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{path}: " + string.Join("; ", problems));
        }

        return suite;
    }
}

/// <summary>KubeVirt's parallel limits, applied to the cluster and to the drain policy alike.</summary>
internal sealed class LimitSetting
{
    public string Name { get; set; } = string.Empty;

    public int PerCluster { get; set; }

    public int PerNode { get; set; }

    public override string ToString() => $"{Name} ({PerCluster}/{PerNode})";
}

/// <summary>One scenario of the suite.</summary>
internal sealed class ScenarioEntry
{
    public string Id { get; set; } = string.Empty;

    /// <summary>A short title for tables.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The cluster, in the simulator's scenario format, relative to the suite file.</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>Part of the reduced run.</summary>
    public bool Quick { get; set; }

    /// <summary>A rolling drain: later batches are announced to the scheduler, and migrations per VM are judged.</summary>
    public bool Rolling { get; set; }

    /// <summary>What the scenario exercises and what limits the result, for the summary.</summary>
    public string? Notes { get; set; }

    /// <summary>Node names or ranges per batch.</summary>
    public List<List<string>> Batches { get; set; } = [];

    /// <summary>
    /// A family of generated clusters: the scenario runs this many times, each time with every <c>seed:</c> of its file
    /// (the run's and the generator's) set to the next seed from <see cref="FirstSeed"/>. 1: the file as written.
    /// </summary>
    public int Seeds { get; set; } = 1;

    /// <summary>The family's first seed.</summary>
    public int FirstSeed { get; set; } = 1;

    /// <summary>The family this member belongs to (its entry's id); null for a scenario run as written.</summary>
    [YamlIgnore]
    public string? Family { get; init; }

    /// <summary>The family's title, without the member's seed; null for a scenario run as written.</summary>
    [YamlIgnore]
    public string? FamilyTitle { get; init; }

    /// <summary>The seed this family member ran with; 0 for a scenario run as written.</summary>
    [YamlIgnore]
    public int Seed { get; init; }

    /// <summary>The batches with every range expanded.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ExpandedBatches() =>
        [.. Batches.Select(b => (IReadOnlyList<string>)[.. b.SelectMany(NodePattern.Expand)])];
}
