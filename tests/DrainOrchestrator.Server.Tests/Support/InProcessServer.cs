namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>
/// <c>drainctl serve</c> in this process (<see cref="DrainServer.RunAsync"/>), with its output and log captured. Stopping
/// it is the host's stop, as SIGTERM is for the process: no new jobs, running drains release their leases.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    private InProcessServer(ServeOptions options) => Options = options;

    public ServeOptions Options { get; }

    public LogCapture Log { get; } = new();

    public LogCapture Output { get; } = new();

    /// <summary>The URL the server printed once it was ready.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Whether <see cref="StopAsync"/> finished.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Starts the server and waits (generous deadline; it only guards a hang) for its listening line.</summary>
    public static async Task<InProcessServer> StartAsync(ServeOptions options)
    {
        var server = new InProcessServer(options);
        server._run = Task.Run(() => DrainServer.RunAsync(options, TimeProvider.System, server.Output, server.Log, server._stop.Token));
        var deadline = TimeSpan.FromSeconds(120);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!server.Output.Text.Contains(DrainServer.ListeningPrefix, StringComparison.Ordinal))
        {
            if (server._run.IsCompleted)
            {
                await server._run; // surfaces the startup error
                throw new InvalidOperationException("the server stopped before it listened:\n" + server.Log.Text);
            }

            if (started.Elapsed > deadline)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"the server did not listen within {deadline}:\n" + server.Log.Text);
            }

            await Task.Delay(50);
        }

        var line = server.Output.Text.Split('\n').First(l => l.StartsWith(DrainServer.ListeningPrefix, StringComparison.Ordinal));
        server.BaseAddress = new Uri(line[DrainServer.ListeningPrefix.Length..].Trim());
        return server;
    }

    /// <summary>Stops the server as SIGTERM would and waits until <see cref="DrainServer.RunAsync"/> returned.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(90));
        Stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Best effort: the test has its verdict already.
        }

        _stop.Dispose();
    }
}
