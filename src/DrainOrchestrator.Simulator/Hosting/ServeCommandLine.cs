using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using DrainOrchestrator.Simulator.Admin.Faults;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// The <c>serve</c> command of drain-sim on System.CommandLine: <c>serve [--scenario NAME|FILE] [--listen 127.0.0.1:PORT]
/// [--seed N] [--speed N] [--fault RULE]… [--event-retention N] [--admission-cache-lag DURATION] [--ground-truth-out FILE]
/// [--service-account-token NAMESPACE/NAME=FILE]… --kubeconfig-out FILE</c>. The parser's problems and the options' own come back together, every one at once.
/// </summary>
public sealed class ServeCommandLine
{
    private readonly Option<string> _scenario = new("--scenario")
    {
        HelpName = "NAME|FILE",
        Description = "A simulated KubeVirt cluster: demo, small, chaos, large, rolling-upgrade, generated:nodes=N,vms=M,seed=S "
            + "or a scenario FILE.yaml; or, without a cluster model, empty or a FILE.json List of objects.",
        DefaultValueFactory = _ => "small",
    };

    private readonly Option<IPEndPoint?> _listen = new("--listen")
    {
        HelpName = "127.0.0.1:PORT",
        Description = "Loopback address and port; port 0 picks a free port. [default: 127.0.0.1:0]",
        CustomParser = r => Parsed(r, IPEndPoint.TryParse(r.Tokens[^1].Value, out var endpoint) ? endpoint : null, "ADDRESS:PORT"),
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        HelpName = "N",
        Description = "Seed of every random choice. [default: the scenario's for the model, 0 for the server]",
        CustomParser = r => Parsed(r, Integer(r.Tokens[^1].Value, NumberStyles.AllowLeadingSign), "an integer"),
    };

    private readonly Option<double?> _speed = new("--speed")
    {
        HelpName = "N",
        Description = "Model time runs N times as fast as wall time, e.g. 60. [default: 1]",
        CustomParser = r => Parsed<double?>(r, double.TryParse(r.Tokens[^1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed) ? speed : null, "a number"),
    };

    // Rules are read in Bind: their problems must come out beside the other rules' validation, which needs them all.
    private readonly Option<string[]> _faults = new("--fault")
    {
        HelpName = "RESOURCE/VERB:key=value,...",
        Description = "API fault, repeatable, e.g. virtualmachineinstancemigrations/create:error-rate=0.2,delay=500ms or "
            + "nodes/status/patch:forbid (a 403 as RBAC gives it; RESOURCE/SUBRESOURCE/VERB). Keys: error-rate, throttle-rate, "
            + "retry-after, delay, drop-watch-after, forbid, ambiguous-rate, ambiguous-answer (error or reset).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<TimeSpan?> _admissionCacheLag = new("--admission-cache-lag")
    {
        HelpName = "DURATION",
        Description = "virt-api's in-flight check reads a cache this far behind (model time), e.g. 5s, so two VMIMs created "
            + "within it for one VMI are both admitted. [default: 0s]",
        CustomParser = r => Parsed<TimeSpan?>(r, Durations.TryParse(r.Tokens[^1].Value, out var lag) ? lag : null, "a duration such as 500ms or 5s"),
    };

    private readonly Option<int?> _eventRetention = new("--event-retention")
    {
        HelpName = "N",
        Description = "Changes kept for watches resuming from a resourceVersion. [default: 50000]",
        CustomParser = r => Parsed(r, Integer(r.Tokens[^1].Value, NumberStyles.None), "a positive integer"),
    };

    private readonly Option<string?> _groundTruth = new("--ground-truth-out")
    {
        HelpName = "FILE",
        Description = "Where to write the ground truth (JSON) on exit.",
    };

    private readonly Option<string[]> _serviceAccountTokens = new("--service-account-token")
    {
        HelpName = "NAMESPACE/NAME=FILE",
        Description = "Create the ServiceAccount (and namespace) if missing and write a token for it to FILE (mode 0600), "
            + "repeatable. The token may do what RBAC grants system:serviceaccount:NAMESPACE:NAME; the kubeconfig's is admin.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _peerScenario = new("--peer-scenario")
    {
        HelpName = "NAME|FILE",
        Description = "Serve a second cluster (a cluster model scenario) on --peer-listen, on one network with the first, "
            + "for cluster-to-cluster decentralized migrations. Its name is its scenario's (suffixed -peer when both are equal).",
    };

    private readonly Option<IPEndPoint?> _peerListen = new("--peer-listen")
    {
        HelpName = "127.0.0.1:PORT",
        Description = "Loopback address and port of the second cluster; port 0 picks a free port. [default: 127.0.0.1:0]",
        CustomParser = r => Parsed(r, IPEndPoint.TryParse(r.Tokens[^1].Value, out var endpoint) ? endpoint : null, "ADDRESS:PORT"),
    };

    private readonly Option<string?> _peerKubeconfig = new("--peer-kubeconfig-out")
    {
        HelpName = "FILE",
        Description = "Where to write the second cluster's kubeconfig once listening (required with --peer-scenario).",
    };

    private readonly Option<string?> _peerGroundTruth = new("--peer-ground-truth-out")
    {
        HelpName = "FILE",
        Description = "Where to write the second cluster's ground truth (JSON) on exit.",
    };

    private readonly Option<string> _kubeconfig = new("--kubeconfig-out")
    {
        HelpName = "FILE",
        Description = "Where to write the kubeconfig once listening.",
        Required = true,
    };

    /// <summary>Builds the command (without an action: <see cref="SimulatorCli"/> runs what it binds).</summary>
    public ServeCommandLine()
    {
        Command = new Command("serve", "Serve a simulated KubeVirt cluster over the Kubernetes API (HTTPS), until SIGINT or SIGTERM.")
        {
            _scenario, _listen, _seed, _speed, _faults, _admissionCacheLag, _eventRetention, _groundTruth, _serviceAccountTokens,
            _kubeconfig, _peerScenario, _peerListen, _peerKubeconfig, _peerGroundTruth,
        };
    }

    /// <summary>The <c>serve</c> command.</summary>
    public Command Command { get; }

    /// <summary>Parses the arguments after <c>serve</c>; returns the options and scenario, or the problems.</summary>
    public static (SimulatorServerOptions? Options, string Scenario, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var line = new ServeCommandLine();
        return line.Bind(line.Command.Parse(args));
    }

    /// <summary>
    /// The options a parse gave, or every problem: the parser's (unknown, missing or malformed flags) and the options' own
    /// validation, at once. A flag the parser rejected keeps its default, so it adds no second problem.
    /// </summary>
    public (SimulatorServerOptions? Options, string Scenario, IReadOnlyList<string> Problems) Bind(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var problems = parsed.Errors.Select(e => e.Message).ToList();
        var options = new SimulatorServerOptions
        {
            KubeconfigPath = Valid(parsed, _kubeconfig),
            GroundTruthPath = Valid(parsed, _groundTruth),
            Faults = [.. (Valid(parsed, _faults) ?? []).Select(text => FaultRuleParser.ParseText(text, problems)).OfType<FaultRule>()],
            ServiceAccountTokens = [.. (Valid(parsed, _serviceAccountTokens) ?? [])
                .Select(text => ServiceAccountTokenRegistration.Parse(text, problems)).OfType<ServiceAccountTokenRegistration>()],
        };
        if (Valid(parsed, _listen) is { } listen)
        {
            options = options with { Listen = listen };
        }

        if (Valid(parsed, _seed) is { } seed)
        {
            options = options with { Seed = seed, ModelSeed = seed };
        }

        if (Valid(parsed, _speed) is { } speed)
        {
            options = options with { Speed = speed };
        }

        if (Valid(parsed, _admissionCacheLag) is { } lag)
        {
            options = options with { AdmissionCacheLag = lag };
        }

        if (Valid(parsed, _eventRetention) is { } retention)
        {
            options = options with { Store = options.Store with { EventRetention = retention } };
        }

        var peerScenario = Valid(parsed, _peerScenario);
        var peerKubeconfig = Valid(parsed, _peerKubeconfig);
        if (peerScenario is null)
        {
            if (parsed.GetResult(_peerListen) is not null || peerKubeconfig is not null || parsed.GetResult(_peerGroundTruth) is not null)
            {
                problems.Add("--peer-listen, --peer-kubeconfig-out and --peer-ground-truth-out need --peer-scenario");
            }
        }
        else if (peerKubeconfig is null)
        {
            problems.Add("--peer-scenario needs --peer-kubeconfig-out FILE: where to write the second cluster's kubeconfig");
        }
        else
        {
            options = options with
            {
                Peer = new PeerClusterOptions(peerScenario, Valid(parsed, _peerListen) ?? new IPEndPoint(IPAddress.Loopback, 0),
                    peerKubeconfig, Valid(parsed, _peerGroundTruth)),
            };
        }

        options = options with { Store = options.Store with { Seed = options.Seed } };
        problems.AddRange(options.Validate());
        var scenario = Valid(parsed, _scenario) ?? "small";
        return problems.Count == 0 ? (options, scenario, problems) : (null, scenario, problems);
    }

    // The value, or null (the default) when the parser rejected it: that problem is in ParseResult.Errors already.
    private static T? Valid<T>(ParseResult parsed, Option<T> option) =>
        parsed.GetResult(option) is { } result && result.Errors.Any() ? default : parsed.GetValue(option);

    private static T? Parsed<T>(ArgumentResult result, T? value, string expected)
    {
        if (value is null)
        {
            result.AddError($"{((OptionResult)result.Parent!).Option.Name} must be {expected}, was \"{result.Tokens[^1].Value}\"");
        }

        return value;
    }

    private static int? Integer(string text, NumberStyles styles) =>
        int.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) ? value : null;
}
