using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// The rehearsal's temporary directory: the simulators' kubeconfigs, the scenario copy and the private PostgreSQL's
/// data. Reachable by the <c>postgres</c> OS user (the private server runs as it when drainctl runs as root), and
/// deleted on dispose, after everything in it has stopped.
/// </summary>
internal sealed class RehearsalWorkspace : IAsyncDisposable
{
    private readonly ILogger _logger;

    private RehearsalWorkspace(string root, ILogger logger) => (Root, _logger) = (root, logger);

    /// <summary>The directory.</summary>
    public string Root { get; }

    public static RehearsalWorkspace Create(ILogger logger)
    {
        var root = Path.Combine(Path.GetTempPath(), "drainctl-rehearse-" + Guid.NewGuid().ToString("N")[..12]);
        ReachableDirectory.Create(root);
        return new RehearsalWorkspace(root, logger);
    }

    /// <summary>A subdirectory, created reachable.</summary>
    public string Directory(string name)
    {
        var path = Path.Combine(Root, name);
        ReachableDirectory.Create(path);
        return path;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RehearsalLog.CleanupFailed(_logger, Root, ex.Message);
        }

        return ValueTask.CompletedTask;
    }
}
