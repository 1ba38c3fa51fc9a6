using System.Globalization;
using System.Net;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server;

/// <summary>
/// Everything <c>drainctl serve</c> is told, as typed values with defaults from <see cref="ServerConstants"/>.
/// <see cref="Problems"/> checks them all and reports every problem at once, in the terms of the command line.
/// </summary>
public sealed class ServeOptions
{
    /// <summary><c>--listen HOST:PORT</c>: an IP address (IPv6 in brackets), <c>localhost</c> or <c>*</c>; port 0 picks a free one.</summary>
    public string Listen { get; set; } = ServerConstants.DefaultListen;

    /// <summary><c>--kubeconfig</c>; null finds the cluster as kubectl does.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary><c>--context</c>.</summary>
    public string? Context { get; set; }

    /// <summary>
    /// <c>--lease-namespace</c>: where the per-node maintenance Leases live, shared with node-maintenance-operator and
    /// NodeHealthCheck (their <c>LEASE_NAMESPACE</c>); medik8s' default unless told otherwise.
    /// </summary>
    public string LeaseNamespace { get; set; } = Application.Clusters.ClusterTarget.DefaultLeaseNamespace;

    /// <summary><c>--allow-insecure-kubernetes</c>: accept an http:// API server or insecure-skip-tls-verify, warned about at every start.</summary>
    public bool AllowInsecureKubernetes { get; set; }

    /// <summary><c>--prometheus-url</c> and its credentials: where plans read the guests' dirty rates (docs/learned-inputs.md); null for none.</summary>
    public DrainOrchestrator.Engine.Learning.PrometheusOptions? Prometheus { get; set; }

    /// <summary><c>--db</c>: a PostgreSQL connection string, best without its password (see <see cref="DatabasePasswordFile"/>); null uses <c>DRAIN_DB</c> or the embedded server.</summary>
    public string? Database { get; set; }

    /// <summary><c>--db-password-file</c>: a file readable by its owner only holding the password of <see cref="Database"/>.</summary>
    public string? DatabasePasswordFile { get; set; }

    /// <summary><c>--tokens</c>: the file of API tokens (<c>NAME ROLE SHA256HEX</c> per line).</summary>
    public string? TokensFile { get; set; }

    /// <summary><c>--tls-cert</c>: a PEM certificate (chain); with <see cref="TlsKey"/> the server speaks HTTPS.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary><c>--tls-key</c>: the PEM private key of <see cref="TlsCertificate"/>.</summary>
    public string? TlsKey { get; set; }

    /// <summary>
    /// <c>--jwt-authority</c>: the OIDC issuer whose JWTs are accepted besides the tokens of the file; https, or http for
    /// an issuer on loopback only (its discovery document and signing keys are fetched from it).
    /// </summary>
    public Uri? JwtAuthority { get; set; }

    /// <summary><c>--jwt-audience</c>: the audience those JWTs must carry.</summary>
    public string? JwtAudience { get; set; }

    /// <summary>
    /// <c>--jwt-role-claim</c>: the claim holding viewer, operator or admin (a string or an array of strings); a dotted
    /// name that is not itself a claim is a path into nested objects, e.g. Keycloak's <c>realm_access.roles</c>.
    /// </summary>
    public string JwtRoleClaim { get; set; } = ServerConstants.DefaultJwtRoleClaim;

    /// <summary><c>--log-format</c>.</summary>
    public LogFormat LogFormat { get; set; } = LogFormat.Text;

    /// <summary>
    /// <c>--verbose</c>: our own debug messages too (the engine's, among them every pass of a drain's migrate loop);
    /// the frameworks' stay at warnings.
    /// </summary>
    public bool Verbose { get; set; }

    /// <summary>The level of our own categories' messages: debug with <see cref="Verbose"/>, information otherwise.</summary>
    internal LogLevel OwnLogLevel => Verbose ? LogLevel.Debug : LogLevel.Information;

    /// <summary>
    /// <c>--otlp-endpoint</c>: where traces go over OTLP; null sends none. A URL ending in <c>/v1/traces</c> is
    /// OTLP/HTTP protobuf (e.g. http://collector:4318/v1/traces), any other OTLP/gRPC (e.g. http://collector:4317).
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How many drains (and other jobs) one replica runs at once.</summary>
    public int Workers { get; set; } = ServerConstants.DefaultWorkers;

    /// <summary>How long a fetched job stays invisible to other replicas without its (sliding) renewal: a dead replica's drain is fetched again after it.</summary>
    public TimeSpan JobInvisibilityTimeout { get; set; } = ServerConstants.DefaultJobInvisibilityTimeout;

    /// <summary>How often each replica looks for unfinished drains that nobody runs.</summary>
    public TimeSpan SupervisorInterval { get; set; } = ServerConstants.DefaultSupervisorInterval;

    /// <summary>
    /// How often each replica records the schedules' occurrences that fell due (and enqueues their instances): about a
    /// second, so seconds-resolution crons fire on time; at most a minute.
    /// </summary>
    public TimeSpan ScheduleTickInterval { get; set; } = ServerConstants.DefaultScheduleTickInterval;

    /// <summary>How often the one journal poller of the process reads new events for the Server-Sent Events streams.</summary>
    public TimeSpan JournalPollInterval { get; set; } = ServerConstants.DefaultJournalPollInterval;

    /// <summary>How long an idle Server-Sent Events stream waits before it sends a heartbeat comment.</summary>
    public TimeSpan EventHeartbeat { get; set; } = ServerConstants.DefaultEventHeartbeat;

    /// <summary>How long a shutdown waits for running drains to let go of their leases.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = ServerConstants.DefaultShutdownTimeout;

    /// <summary>The request-size and rate limits of the API.</summary>
    public Limits.ApiLimitOptions Limits { get; set; } = new();

    /// <summary>How this replica's engine owns and runs drains (its holder name is also its Hangfire server name).</summary>
    public DrainEngineOptions Engine { get; set; } = new();

    /// <summary>Every problem with these options, empty when they are usable (files are checked to exist).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TryParseListen(Listen, out _, out _))
        {
            problems.Add($"--listen must be HOST:PORT with an IP address, localhost or * and a port from 0 to 65535, was '{Listen}'");
        }

        if (string.IsNullOrWhiteSpace(TokensFile))
        {
            problems.Add("--tokens is required: a file of 'NAME ROLE SHA256HEX' lines (drainctl token new NAME ROLE makes one)");
        }
        else if (!File.Exists(TokensFile))
        {
            problems.Add($"--tokens: file '{TokensFile}' does not exist");
        }

        if (!KubernetesNames.IsDnsLabel(LeaseNamespace))
        {
            problems.Add($"--lease-namespace must be a namespace name (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit), was '{LeaseNamespace}'");
        }

        if (Prometheus is not null)
        {
            problems.AddRange(Prometheus.Problems());
        }

        if ((TlsCertificate is null) != (TlsKey is null))
        {
            problems.Add("--tls-cert and --tls-key go together: give both, or neither for plain HTTP");
        }

        foreach (var (option, path) in new[] { ("--tls-cert", TlsCertificate), ("--tls-key", TlsKey), ("--kubeconfig", Kubeconfig) })
        {
            if (path is not null && !File.Exists(path))
            {
                problems.Add($"{option}: file '{path}' does not exist");
            }
        }

        if (JwtAuthority is not null && (!JwtAuthority.IsAbsoluteUri || JwtAuthority.Scheme is not ("https" or "http")))
        {
            problems.Add($"--jwt-authority must be an absolute https URL, was '{JwtAuthority}'");
        }
        else if (JwtAuthority is { Scheme: "http" } && !JwtAuthority.IsLoopback)
        {
            // Its signing keys are fetched from it: over plain HTTP anyone on the path could substitute their own.
            problems.Add($"--jwt-authority must be https (plain http only for an issuer on this machine's loopback), was '{JwtAuthority}'");
        }

        if ((JwtAuthority is null) != string.IsNullOrWhiteSpace(JwtAudience))
        {
            problems.Add("--jwt-authority and --jwt-audience go together: give both to accept OIDC JWTs");
        }

        if (string.IsNullOrWhiteSpace(JwtRoleClaim))
        {
            problems.Add("--jwt-role-claim must name a claim, e.g. roles");
        }

        if (OtlpEndpoint is not null && !OtlpEndpoint.IsAbsoluteUri)
        {
            problems.Add($"--otlp-endpoint must be an absolute URL, was '{OtlpEndpoint}'");
        }

        if (!Enum.IsDefined(LogFormat))
        {
            problems.Add($"--log-format must be text or json, was {LogFormat}");
        }

        try
        {
            Engine.Validate();
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message.TrimEnd('.'));
        }

        problems.AddRange(Limits.Problems());
        Positive(problems, Workers, nameof(Workers));
        Positive(problems, JobInvisibilityTimeout, nameof(JobInvisibilityTimeout));
        Positive(problems, SupervisorInterval, nameof(SupervisorInterval));
        Positive(problems, JournalPollInterval, nameof(JournalPollInterval));
        if (ScheduleTickInterval <= TimeSpan.Zero || ScheduleTickInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{nameof(ScheduleTickInterval)} must be positive and at most 1 minute (schedules fire to the second), was {ScheduleTickInterval}");
        }

        Positive(problems, EventHeartbeat, nameof(EventHeartbeat));
        Positive(problems, ShutdownTimeout, nameof(ShutdownTimeout));
        return problems;
    }

    /// <summary>Splits <c>HOST:PORT</c>; <c>localhost</c> is the IPv4 loopback (so port 0 works) and <c>*</c> every address.</summary>
    public static bool TryParseListen(string? value, out IPAddress address, out int port)
    {
        (address, port) = (IPAddress.Loopback, 0);
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            || port > 65535)
        {
            return false;
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" => IPAddress.IPv6Any,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.None,
        };
        return !ReferenceEquals(address, IPAddress.None) && !address.Equals(IPAddress.None);
    }

    private static void Positive(List<string> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive, was {value}");
        }
    }

    private static void Positive(List<string> problems, int value, string name)
    {
        if (value < 1)
        {
            problems.Add($"{name} must be at least 1, was {value}");
        }
    }
}
