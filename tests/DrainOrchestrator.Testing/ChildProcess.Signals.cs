namespace DrainOrchestrator.Testing;

/// <summary>Pausing a child process as an operator's SIGSTOP, a frozen VM or a stalled scheduler pauses it.</summary>
public sealed partial class ChildProcess
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    /// <summary>SIGSTOP: the process stops where it is, its sockets stay open, its timers do not fire.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>SIGCONT: the process goes on from where it stopped.</summary>
    public void Resume() => Signal(SigCont);

    private void Signal(int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Pausing a process needs POSIX signals.");
        }

        if (!HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Sending signal {signal} to process {_process.Id} failed.");
        }
    }
}
