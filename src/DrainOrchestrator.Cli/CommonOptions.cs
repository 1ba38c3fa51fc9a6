using System.CommandLine;

namespace DrainOrchestrator.Cli;

/// <summary>Options shared by the commands that use the database.</summary>
public static class CommonOptions
{
    /// <summary>A new <c>--db</c> option.</summary>
    public static Option<string?> Database() => new("--db")
    {
        Description = "PostgreSQL connection string (default: $DRAIN_DB, else a private PostgreSQL server started from this machine's binaries).",
    };

    /// <summary>A new <c>--verbose</c> switch.</summary>
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log what happens underneath (to standard error).",
    };
}
