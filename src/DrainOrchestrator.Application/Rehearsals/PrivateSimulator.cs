using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Configuration;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// A drain-sim of the rehearsal's own, run as a child process on a free loopback port with its kubeconfig in the
/// rehearsal's directory: the only cluster a rehearsal ever opens. Killed (with its process tree) on dispose.
/// </summary>
internal sealed class PrivateSimulator : IAsyncDisposable
{
    private const string ReadyLine = "drain-sim listening on";
    private const int KeptLines = 60;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _admin;

    private readonly TimeProvider _wall;

    private PrivateSimulator(Process process, string kubeconfig, TimeProvider wall)
    {
        (_process, KubeconfigPath, _wall) = (process, kubeconfig, wall);
    }

    /// <summary>The kubeconfig drain-sim wrote: its address, CA and admin token.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The API server's address.</summary>
    public string Server { get; private set; } = string.Empty;

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>dotnet DLL serve</c> on <paramref name="scenario"/> and waits (wall time, <paramref name="wall"/>) until it listens.</summary>
    public static async Task<PrivateSimulator> StartAsync(string dll, string scenario, double speed, string directory, TimeProvider wall,
        CancellationToken cancellationToken)
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "serve", "--scenario", scenario, "--speed", speed.ToString(CultureInfo.InvariantCulture),
            "--listen", "127.0.0.1:0", "--kubeconfig-out", kubeconfig })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var sim = new PrivateSimulator(process, kubeconfig, wall);
        process.OutputDataReceived += (_, e) => sim.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sim.Append(e.Data);
        process.Exited += (_, _) => sim._ready.TrySetException(new RehearsalException(
            $"drain-sim exited before it served the scenario {scenario}: {sim.Output}",
            isBadInput: true, isRetryable: false));
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RehearsalException($"cannot run {info.FileName} {dll}: {ex.Message}. Install the .NET runtime (dotnet) or fix its PATH.",
                isBadInput: true, isRetryable: false, ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await sim._ready.Task.WaitAsync(TimeSpan.FromMinutes(1), wall, cancellationToken);
            sim._admin = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfig }));
            sim.Server = sim._admin.BaseAddress!.ToString().TrimEnd('/');
            return sim;
        }
        catch (TimeoutException ex)
        {
            await sim.DisposeAsync();
            throw new RehearsalException($"drain-sim did not serve the scenario within a minute: {sim.Output}", isBadInput: false, isRetryable: true, ex);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>drain-sim's ground truth now (<c>GET /sim/v1/ground-truth</c>, the admin token of its kubeconfig).</summary>
    public async Task<SimulatedTruth> GroundTruthAsync(CancellationToken cancellationToken)
    {
        var text = await _admin!.GetStringAsync(new Uri("/sim/v1/ground-truth", UriKind.Relative), cancellationToken);
        return new SimulatedTruth(JsonNode.Parse(text)!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), _wall);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Never started, already reaped, or stuck: nothing more a rehearsal can do about its child.
        }

        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    // The host that runs drainctl itself when it runs as `dotnet drainctl.dll`; else dotnet from PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? path : "dotnet";
}
