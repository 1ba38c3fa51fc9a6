using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary><c>drainctl serve</c> as its own process on a free port, with an HTTP client carrying a token.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, Uri url)
    {
        (_process, Url) = (process, url);
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a replica on <paramref name="database"/> for the cluster of <paramref name="kubeconfig"/>.</summary>
    public static Task<ServerProcess> StartAsync(string kubeconfig, string database, string tokensFile, params string[] extra) =>
        StartAsync(kubeconfig, database, tokensFile, environment: null, extra);

    /// <summary>Starts a replica as above, with <paramref name="environment"/> added to its environment (e.g. drainctl's clock knobs).</summary>
    public static async Task<ServerProcess> StartAsync(string kubeconfig, string database, string tokensFile,
        IReadOnlyDictionary<string, string>? environment, params string[] extra)
    {
        var process = ChildProcess.Start(Programs.Drainctl,
            ["serve", "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--db", database, "--tokens", tokensFile, .. extra], environment);
        return await ListeningAsync(process);
    }

    /// <summary>
    /// Starts a replica as a pod's container would run: no kubeconfig, KUBERNETES_SERVICE_HOST and _PORT set, and
    /// <paramref name="serviceAccountDirectory"/> (token, ca.crt, namespace) mounted at the service-account path in a
    /// private mount namespace (<c>unshare</c>; needs root).
    /// </summary>
    public static async Task<ServerProcess> StartInClusterAsync(Uri apiServer, string serviceAccountDirectory, string database, string tokensFile)
    {
        const string Mounted = "/run/secrets/kubernetes.io/serviceaccount";
        var home = Directory.CreateTempSubdirectory("drain-incluster-home-").FullName;
        var script = $"mount -t tmpfs tmpfs /run && mkdir -p {Mounted} && mount --bind \"$1\" {Mounted} && shift && exec \"$@\"";
        var process = ChildProcess.StartProgram("unshare",
            ["--mount", "--propagation", "private", "--", "sh", "-c", script, "sh", serviceAccountDirectory,
                "dotnet", Programs.Drainctl, "serve", "--listen", "127.0.0.1:0", "--db", database, "--tokens", tokensFile],
            new Dictionary<string, string>
            {
                ["KUBERNETES_SERVICE_HOST"] = apiServer.Host,
                ["KUBERNETES_SERVICE_PORT"] = apiServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HOME"] = home,
                ["KUBECONFIG"] = "",
            });
        return await ListeningAsync(process);
    }

    private static async Task<ServerProcess> ListeningAsync(ChildProcess process)
    {
        try
        {
            await process.WaitForOutputAsync("listening on", TimeSpan.FromSeconds(90));
            var url = Listening().Match(process.Output).Groups["url"].Value;
            return new ServerProcess(process, new Uri(url.TrimEnd('/') + "/"));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client for this replica with <paramref name="token"/> as bearer (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task KillAsync() => _process.KillAsync();

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"listening on (?<url>https?://\S+)")]
    private static partial Regex Listening();
}
