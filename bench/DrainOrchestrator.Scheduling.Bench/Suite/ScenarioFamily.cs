using System.Globalization;
using System.Text.RegularExpressions;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Suite;

/// <summary>
/// The clusters one suite entry stands for: its file as written, or for a family (<see cref="ScenarioEntry.Seeds"/>)
/// one generated cluster per seed, each a member with its own id (<c>j-7</c>) and the family's name.
/// </summary>
internal static partial class ScenarioFamily
{
    public static IEnumerable<(ScenarioEntry Entry, ClusterScenario Scenario)> Members(ScenarioEntry entry, string folder)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = Path.Combine(folder, entry.File);
        if (entry.Seeds <= 1)
        {
            yield return (entry, ScenarioCatalog.Load(path));
            yield break;
        }

        var text = File.ReadAllText(path);
        for (var seed = entry.FirstSeed; seed < entry.FirstSeed + entry.Seeds; seed++)
        {
            var member = new ScenarioEntry
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{entry.Id}-{seed}"),
                Title = string.Create(CultureInfo.InvariantCulture, $"{entry.Title}, seed {seed}"),
                File = entry.File,
                Quick = entry.Quick,
                Rolling = entry.Rolling,
                Notes = entry.Notes,
                Batches = entry.Batches,
                Family = entry.Id,
                FamilyTitle = entry.Title,
                Seed = seed,
            };
            var seeded = SeedLine().Replace(text, m => m.Groups["indent"].Value + "seed: " + seed.ToString(CultureInfo.InvariantCulture));
            yield return (member, ScenarioCatalog.Parse(seeded, $"{path} (seed {seed})"));
        }
    }

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)seed:[ \t]*-?\d+[ \t]*$")]
    private static partial Regex SeedLine();
}
