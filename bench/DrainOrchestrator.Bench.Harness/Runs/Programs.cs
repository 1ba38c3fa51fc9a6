namespace DrainOrchestrator.Bench.Harness.Runs;

/// <summary>The built <c>drainctl</c> and <c>drain-sim</c>, in the configuration this bench was built in (its project references build them).</summary>
public sealed record Programs(string Root, string Drainctl, string DrainSim)
{
    public static Programs Locate()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var root = FindRoot(framework);
        string Find(string project, string dll)
        {
            var path = Path.Combine(root, "src", project, "bin", configuration, framework.Name, dll);
            return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build this bench first", path);
        }

        return new Programs(root, Find("DrainOrchestrator.Cli", "drainctl.dll"), Find("DrainOrchestrator.Simulator", "drain-sim.dll"));
    }

    private static string FindRoot(DirectoryInfo start)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrainOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DrainOrchestrator.sln above {start.FullName}.");
    }
}
