using System.CommandLine;
using DrainOrchestrator.Engine.Learning;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// <c>--prometheus-url</c> and its credentials: where plans read KubeVirt's per-guest dirty rates
/// (docs/learned-inputs.md). Checked when the cluster is opened, every problem at once.
/// </summary>
internal sealed class PrometheusCliOptions
{
    /// <summary>The environment variable that may hold the bearer token itself (a pod's Secret key, as PGPASSWORD).</summary>
    public const string TokenVariable = "DRAIN_PROMETHEUS_TOKEN";

    public Option<string?> Url { get; } = new("--prometheus-url")
    {
        Description = "The Prometheus HTTP API to read kubevirt_vmi_dirty_rate_bytes_per_second from (default: $DRAIN_PROMETHEUS_URL; none: annotations, earlier migrations and defaults only).",
    };

    public Option<string?> TokenFile { get; } = new("--prometheus-token-file")
    {
        Description = "A file readable by its owner only (chmod 600) holding the bearer token for --prometheus-url (or the token itself in $DRAIN_PROMETHEUS_TOKEN, e.g. from a Secret in a pod).",
    };

    public Option<string?> CaFile { get; } = new("--prometheus-ca-file")
    {
        Description = "A PEM file of the CA that --prometheus-url's certificate must chain to (default: the system's trust store).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(TokenFile);
        command.Options.Add(CaFile);
    }

    /// <summary>The options, or null when no URL was given (nor $DRAIN_PROMETHEUS_URL).</summary>
    public PrometheusOptions? Read(ParseResult parse)
    {
        var url = parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("DRAIN_PROMETHEUS_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            if (parse.GetValue(TokenFile) is not null || parse.GetValue(CaFile) is not null)
            {
                throw new ArgumentException("--prometheus-token-file and --prometheus-ca-file need --prometheus-url");
            }

            return null;
        }

        return new PrometheusOptions
        {
            Url = url.Trim(),
            TokenFile = parse.GetValue(TokenFile),
            Token = Environment.GetEnvironmentVariable(TokenVariable) is { } token ? token.Trim() : null,
            CaFile = parse.GetValue(CaFile),
        };
    }
}
