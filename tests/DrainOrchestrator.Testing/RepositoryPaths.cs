namespace DrainOrchestrator.Testing;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the directory holding DrainOrchestrator.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The schema files, exactly as they are checked in.</summary>
    public static string MigrationsSql => Path.Combine(Root, "migrations-sql");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrainOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DrainOrchestrator.sln above {AppContext.BaseDirectory}.");
    }
}
