using System.Net;
using System.Net.Http.Headers;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Server.Bench.Serving;

/// <summary>
/// <c>drainctl serve</c> as its own process on a free loopback port; its log (stderr) is collected line by line. HTTP
/// clients for it are made here, each with its own connection pool.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The line <c>drainctl serve</c> prints on stdout once it is ready; the URL follows.</summary>
    private const string ListeningPrefix = "drainctl serve listening on ";

    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri url, IReadOnlyList<string> arguments)
    {
        (_process, Url, Arguments) = (process, url, arguments);
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>The arguments it was started with, the connection string replaced.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Everything it wrote so far (the listening line and the log), in order.</summary>
    public IReadOnlyList<string> Lines => _process.Lines;

    /// <summary>Starts a server on <paramref name="database"/> for the cluster of <paramref name="kubeconfig"/>, and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string drainctl, string kubeconfig, string database, string tokensFile, bool verboseJsonLog)
    {
        string[] arguments = ["serve", "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--db", database, "--tokens", tokensFile];
        if (verboseJsonLog)
        {
            // The engine's pass markers (debug) with their event ids and full timestamps: what the refill analysis reads.
            arguments = [.. arguments, "--verbose", "--log-format", "json"];
        }

        var process = ChildProcess.Start(drainctl, arguments);
        try
        {
            // The log line that says the same comes first (and carries more): wait for the line of its own.
            var started = TimeProvider.System.GetTimestamp();
            string? line;
            while ((line = process.Lines.FirstOrDefault(l => l.StartsWith(ListeningPrefix, StringComparison.Ordinal))) is null)
            {
                if (process.HasExited || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromMinutes(2))
                {
                    throw new InvalidOperationException($"drainctl serve did not start:\n{process.Output}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }

            var server = new ServerProcess(process, new Uri(line[ListeningPrefix.Length..].Trim().TrimEnd('/') + "/"),
                [.. arguments.Select(a => a == database ? "CONNECTION" : a)]);
            await server.WaitReadyAsync(TimeSpan.FromMinutes(1));
            return server;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client with <paramref name="token"/> as bearer and its own connection pool of up to
    /// <paramref name="connections"/> connections, kept open for the whole run (no reconnects in the measurement).
    /// </summary>
    public HttpClient Client(string token, int connections = 10, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = Url, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task WaitReadyAsync(TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not yet.
            }

            if (TimeProvider.System.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"drainctl serve not ready within {patience}:\n{string.Join('\n', _process.Lines.TakeLast(40))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }
    }

    /// <summary>SIGTERM (the server lets its drains go and stops), SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(30));
        await _process.DisposeAsync();
    }
}
