using System.CommandLine;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Persistence.Secrets;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// The options every command shares: where the work happens (this process on a database, or a server through its API)
/// and, for the commands that read the cluster, which cluster.
/// </summary>
internal sealed class FrontDoorOptions
{
    public Option<string?> Database { get; } = CommonOptions.Database();

    public Option<string?> DatabasePasswordFile { get; } = CommonOptions.DatabasePasswordFile();

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log what happens underneath (to standard error)." };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Run the command through a drainctl server's API at this URL (default: $DRAIN_SERVER; without either, in this process).",
    };

    public Option<string?> Token { get; } = new("--token-file")
    {
        Description = "A file readable by its owner only (chmod 600) holding the bearer token for --server (default: $DRAIN_TOKEN holds the token itself).",
    };

    public Option<string?> ServerCa { get; } = new("--server-ca")
    {
        Description = "A PEM file of the CA (or self-signed certificate) that --server's certificate must chain to (default: $DRAIN_SERVER_CA).",
    };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file (default: the files in $KUBECONFIG, merged; else ~/.kube/config; else the in-cluster service account).",
    };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context (default: its current context)." };

    public Option<bool> AllowInsecureKubernetes { get; } = new("--allow-insecure-kubernetes")
    {
        Description = "Accept a kubeconfig cluster with an http:// server or insecure-skip-tls-verify: true (warned about at every start; refused otherwise).",
    };

    public Option<string> LeaseNamespace { get; } = CommonOptions.LeaseNamespace();

    public PrometheusCliOptions Prometheus { get; } = new();

    public void AddTo(Command command, bool withCluster)
    {
        foreach (var option in new Option[] { Database, DatabasePasswordFile, Verbose, Server, Token, ServerCa })
        {
            command.Options.Add(option);
        }

        if (withCluster)
        {
            command.Options.Add(Kubeconfig);
            command.Options.Add(Context);
            command.Options.Add(AllowInsecureKubernetes);
            command.Options.Add(LeaseNamespace);
            Prometheus.AddTo(command);
        }
    }

    public ClusterTarget Cluster(ParseResult parse) =>
        new(parse.GetValue(Kubeconfig), parse.GetValue(Context), parse.GetValue(LeaseNamespace) ?? ClusterTarget.DefaultLeaseNamespace,
            parse.GetValue(AllowInsecureKubernetes))
        {
            Prometheus = Prometheus.Read(parse),
        };

    /// <summary>The server to use, or null for this process.</summary>
    public RemoteOptions? Remote(ParseResult parse)
    {
        var server = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("DRAIN_SERVER");
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--server must be an http or https URL, was '{server}'");
        }

        var tokenFile = parse.GetValue(Token);
        // A bearer token is a password: like --db-password-file, the file must be readable by its owner only.
        if (tokenFile is not null && PrivateFile.Problem(tokenFile, "--token-file") is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var token = tokenFile is not null ? File.ReadAllText(tokenFile).Trim() : Environment.GetEnvironmentVariable("DRAIN_TOKEN");
        return new RemoteOptions(uri, string.IsNullOrWhiteSpace(token) ? null : token.Trim(),
            parse.GetValue(ServerCa) ?? Environment.GetEnvironmentVariable("DRAIN_SERVER_CA"));
    }
}
