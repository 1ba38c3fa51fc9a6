using System.CommandLine;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Server;
using DrainOrchestrator.Server.Limits;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>
/// <c>drainctl serve --listen HOST:PORT --tokens FILE [...]</c>: the server (REST API, events, metrics, dashboard, drains
/// as jobs shared by replicas). Prints one line with its URL once ready; stops cleanly on SIGTERM or Ctrl+C.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "HOST:PORT to listen on (an IP address, localhost or *; port 0 picks a free port).",
            DefaultValueFactory = _ => ServerConstants.DefaultListen,
        };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig file (default: as kubectl finds it)." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context (default: its current context)." };
        var allowInsecure = new Option<bool>("--allow-insecure-kubernetes")
        {
            Description = "Accept a kubeconfig cluster with an http:// server or insecure-skip-tls-verify: true (warned about at every start; refused otherwise).",
        };
        var database = CommonOptions.Database();
        var passwordFile = CommonOptions.DatabasePasswordFile();
        var tokens = new Option<string>("--tokens") { Description = "The API tokens file: 'NAME ROLE SHA256HEX' per line (drainctl token new).", Required = true };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate (chain): serve HTTPS." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert." };
        var jwtAuthority = new Option<Uri?>("--jwt-authority") { Description = "Also accept OIDC JWTs from this issuer (https; http only on loopback)." };
        var jwtAudience = new Option<string?>("--jwt-audience") { Description = "The audience the JWTs must carry." };
        var jwtRoleClaim = new Option<string>("--jwt-role-claim")
        {
            Description = "The JWT claim holding viewer, operator or admin (a string or an array); a dotted name such as realm_access.roles reads a nested claim.",
            DefaultValueFactory = _ => ServerConstants.DefaultJwtRoleClaim,
        };
        var leaseNamespace = CommonOptions.LeaseNamespace();
        var logFormat = new Option<string>("--log-format") { Description = "text or json (to standard error).", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var otlp = new Option<Uri?>("--otlp-endpoint")
        {
            Description = "Send traces over OTLP: a URL ending in /v1/traces is OTLP/HTTP protobuf (port 4318), any other OTLP/gRPC (port 4317).",
        };
        var maxBody = new Option<long>("--max-request-body-bytes")
        {
            Description = "Refuse larger request bodies with 413.",
            DefaultValueFactory = _ => ApiLimitConstants.DefaultMaxRequestBodyBytes,
        };
        var ratePerSecond = new Option<int>("--rate-limit-per-second")
        {
            Description = "Requests per second one caller (token, JWT subject, else client address) may sustain; more get 429 with Retry-After.",
            DefaultValueFactory = _ => ApiLimitConstants.DefaultRequestsPerSecond,
        };
        var rateBurst = new Option<int>("--rate-limit-burst")
        {
            Description = "Requests one caller may make at once above that rate.",
            DefaultValueFactory = _ => ApiLimitConstants.DefaultBurst,
        };
        var verbose = CommonOptions.Verbose();
        verbose.Description = "Log our own debug messages too, e.g. every pass of each drain's migrate loop (the frameworks stay at warnings).";
        var command = new Command("serve", "Serve the API: drains run as jobs shared by every replica on the same database.")
        {
            listen, kubeconfig, context, allowInsecure, leaseNamespace, database, passwordFile, tokens, tlsCert, tlsKey, jwtAuthority, jwtAudience, jwtRoleClaim, logFormat, otlp, maxBody, ratePerSecond, rateBurst, verbose,
        };
        var prometheus = new FrontDoors.PrometheusCliOptions();
        prometheus.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Engine.Learning.PrometheusOptions? metrics;
            try
            {
                metrics = prometheus.Read(parse);
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var options = new ServeOptions
            {
                Listen = parse.GetValue(listen)!,
                Kubeconfig = parse.GetValue(kubeconfig),
                Context = parse.GetValue(context),
                AllowInsecureKubernetes = parse.GetValue(allowInsecure),
                LeaseNamespace = parse.GetValue(leaseNamespace)!,
                Prometheus = metrics,
                Database = parse.GetValue(database),
                DatabasePasswordFile = parse.GetValue(passwordFile),
                TokensFile = parse.GetValue(tokens),
                TlsCertificate = parse.GetValue(tlsCert),
                TlsKey = parse.GetValue(tlsKey),
                JwtAuthority = parse.GetValue(jwtAuthority),
                JwtAudience = parse.GetValue(jwtAudience),
                JwtRoleClaim = parse.GetValue(jwtRoleClaim)!,
                LogFormat = parse.GetValue(logFormat) == "json" ? LogFormat.Json : LogFormat.Text,
                OtlpEndpoint = parse.GetValue(otlp),
                Verbose = parse.GetValue(verbose),
                Limits = new ApiLimitOptions
                {
                    MaxRequestBodyBytes = parse.GetValue(maxBody),
                    RequestsPerSecond = parse.GetValue(ratePerSecond),
                    Burst = parse.GetValue(rateBurst),
                },
            };
            return await RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await DrainServer.RunAsync(options, DrainctlClock.Current, output, error, cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (CliFailure.Of(ex) is { } failure)
        {
            return await failure.WriteAsync(error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before it was ready.
            return ExitCodes.Cancelled;
        }
    }
}
