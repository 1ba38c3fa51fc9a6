namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>drain-sim's <c>serve</c> run in-process (<c>SimulatorCli.RunAsync</c>): waiting for a file it writes.</summary>
public static class ServeRun
{
    /// <summary>
    /// Waits until <paramref name="path"/> exists or <paramref name="run"/> ended. A start-up on a loaded runner (TLS
    /// certificate, Kestrel, cold JIT) may take long: the deadline only guards a hang, and a run that ended early is
    /// judged by its exit code afterwards.
    /// </summary>
    public static Task UntilWrittenAsync(string path, Task run) =>
        Eventually.UntilAsync(() => Task.FromResult(File.Exists(path) || run.IsCompleted), "drain-sim to write " + path, TimeSpan.FromMinutes(2));
}
