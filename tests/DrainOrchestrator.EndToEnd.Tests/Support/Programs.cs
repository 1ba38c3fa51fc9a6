namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>The built <c>drainctl</c> and <c>drain-sim</c>, in the configuration these tests were built in.</summary>
internal static class Programs
{
    public static string Drainctl => Find("DrainOrchestrator.Cli", "drainctl.dll");

    public static string DrainSim => Find("DrainOrchestrator.Simulator", "drain-sim.dll");

    private static string Find(string project, string dll)
    {
        // bin/<Configuration>/<framework>/ of this test project names the configuration the whole solution was built in.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "src", project, "bin", configuration, framework.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first", path);
    }
}
