using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace DrainOrchestrator.Testing;

/// <summary>
/// A <c>dotnet</c> program (drainctl, drain-sim) run as its own process, as the end-to-end tests and the orchestration
/// bench run them; its stdout and stderr collected line by line, in arrival order.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    public int ExitCode => _process.ExitCode;

    /// <summary>Every line written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Everything written to stdout and stderr so far, one line after the other, interleaved as it arrived.</summary>
    public string Output
    {
        get
        {
            var text = new StringBuilder();
            foreach (var line in Lines)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }

    /// <summary>Starts <c>dotnet DLL ARGUMENTS</c>, with <paramref name="environment"/> added to this process's.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        StartProgram("dotnet", [dll, .. arguments], environment);

    /// <summary>Starts <c>PROGRAM ARGUMENTS</c> (e.g. <c>unshare</c> wrapping <c>dotnet DLL</c>), with <paramref name="environment"/> added.</summary>
    public static ChildProcess StartProgram(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        (var separated, var withPassword) = DatabasePasswordArgument.Separate(arguments, environment);
        (arguments, environment) = (separated, withPassword);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Exited += (_, _) => child._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> was written; fails with the output when the process exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited)
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(5));
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException($"the process exited ({ExitCode}) before writing '{text}':\n{Output}");
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"no '{text}' within {timeout}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    /// <summary>Waits for the exit (and the last of the output); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the process did not exit within {timeout}:\n{Output}");
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, so a server writes what it writes on the way out; SIGKILL if it is still there after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || Kill(_process.Id, SigTerm) != 0)
        {
            await KillAsync();
            return;
        }

        try
        {
            await _exited.Task.WaitAsync(grace, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process freezes mid-step (timers, sockets and all) until <see cref="Resume"/>, as a paused VM or a long GC pause.</summary>
    public void Pause() => Signal(SigStop, "SIGSTOP");

    /// <summary>SIGCONT: a process frozen by <see cref="Pause"/> runs on from where it stood.</summary>
    public void Resume() => Signal(SigCont, "SIGCONT");

    /// <summary>SIGKILL: no cleanup, no last words, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Signal(int signal, string name)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"{name} needs a POSIX system");
        }

        if (!HasExited && Kill(_process.Id, signal) != 0 && !HasExited)
        {
            throw new InvalidOperationException($"{name} to process {_process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
        }
    }
}
