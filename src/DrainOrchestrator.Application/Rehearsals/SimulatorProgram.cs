namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// Where drain-sim is: the file given, else <c>DRAIN_SIM_DLL</c>, else <c>drain-sim.dll</c> next to drainctl's own
/// assembly (an installation that ships both), else the simulator project's build output beside drainctl's in a
/// source tree (<c>src/DrainOrchestrator.Simulator/bin/CONFIGURATION/FRAMEWORK/</c>). drainctl runs it as a child
/// process and never links its code: the simulator must stay able to prove the engine wrong.
/// </summary>
public static class SimulatorProgram
{
    /// <summary>The environment variable naming drain-sim.dll.</summary>
    public const string Variable = "DRAIN_SIM_DLL";

    private const string FileName = "drain-sim.dll";

    /// <summary>The drain-sim.dll to run; a <see cref="RehearsalException"/> naming every place searched when there is none.</summary>
    public static string Locate(string? given, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var candidates = new List<(string Path, string From)>();
        if (!string.IsNullOrWhiteSpace(given))
        {
            candidates.Add((given, "--simulator"));
        }
        else if (environment(Variable) is { Length: > 0 } variable)
        {
            candidates.Add((variable, Variable));
        }
        else
        {
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            candidates.Add((Path.Combine(here, FileName), "next to drainctl"));
            // src/DrainOrchestrator.Cli/bin/<configuration>/<framework>/ in a source tree.
            var framework = new DirectoryInfo(here);
            if (framework.Parent?.Parent?.Parent?.Parent is { } src)
            {
                candidates.Add((Path.Combine(src.FullName, "DrainOrchestrator.Simulator", "bin", framework.Parent.Name, framework.Name, FileName),
                    "the source tree's build"));
            }
        }

        foreach (var (path, _) in candidates)
        {
            if (File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        throw new RehearsalException(
            $"drain-sim was not found (searched {string.Join(", ", candidates.Select(c => $"{c.Path} ({c.From})"))}). Install it next to drainctl "
            + $"(dotnet publish src/DrainOrchestrator.Simulator -o DIR, into drainctl's directory) or point {Variable} at its drain-sim.dll.",
            isBadInput: true, isRetryable: false);
    }
}
