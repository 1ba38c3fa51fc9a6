using System.Reflection;

namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>An ordered, gap-free sequence of schema files: 0001, 0002, ...</summary>
public sealed class MigrationSet
{
    private const string ResourcePrefix = "migrations-sql/";

    private MigrationSet(IReadOnlyList<MigrationScript> scripts, string origin)
    {
        Scripts = scripts;
        Origin = origin;
    }

    /// <summary>The scripts in version order.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    /// <summary>Where the scripts came from (a directory or the assembly), for messages.</summary>
    public string Origin { get; }

    /// <summary>The schema files compiled into this assembly from the repository's <c>migrations-sql/</c>.</summary>
    public static MigrationSet Embedded()
    {
        var assembly = typeof(MigrationSet).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => MigrationScript.FromBytes(n[ResourcePrefix.Length..], ReadResource(assembly, n)));
        return Create(scripts, $"{assembly.GetName().Name} (embedded migrations-sql)");
    }

    /// <summary>Reads every <c>*.sql</c> file of a directory.</summary>
    public static MigrationSet FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SchemaMigrationException($"Schema directory '{directory}' does not exist.", fileName: null);
        }

        var scripts = Directory.EnumerateFiles(directory, "*.sql")
            .Select(path => MigrationScript.FromBytes(Path.GetFileName(path), File.ReadAllBytes(path)));
        return Create(scripts, directory);
    }

    /// <summary>Orders the scripts and refuses duplicates and gaps, naming the file at fault.</summary>
    public static MigrationSet Create(IEnumerable<MigrationScript> scripts, string origin)
    {
        var ordered = scripts.OrderBy(s => s.Version).ThenBy(s => s.FileName, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var expected = i + 1;
            var script = ordered[i];
            if (script.Version < expected)
            {
                throw new SchemaMigrationException(
                    $"Schema files '{ordered[i - 1].FileName}' and '{script.FileName}' in {origin} share version {script.Version:D4}. Renumber the newer one.",
                    script.FileName);
            }

            if (script.Version > expected)
            {
                throw new SchemaMigrationException(
                    $"Schema sequence in {origin} has a gap: version {expected:D4} is missing before '{script.FileName}'. Restore the missing file; numbers are never skipped.",
                    script.FileName);
            }
        }

        return new MigrationSet(ordered, origin);
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new SchemaMigrationException($"Embedded schema file '{name}' cannot be read.", name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
