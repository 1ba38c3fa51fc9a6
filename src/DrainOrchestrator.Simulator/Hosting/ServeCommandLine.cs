using System.Globalization;
using System.Net;
using DrainOrchestrator.Simulator.Admin.Faults;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// Parses <c>drain-sim serve [--scenario NAME|FILE] [--listen 127.0.0.1:PORT] [--seed N] [--speed N] [--fault RULE]…
/// [--event-retention N] [--ground-truth-out FILE] --kubeconfig-out FILE</c>, reporting every problem at once.
/// </summary>
public static class ServeCommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: drain-sim serve [--scenario NAME|FILE] [--listen 127.0.0.1:PORT] [--seed N] [--speed N]
                               [--fault RESOURCE/VERB:key=value,...]... [--event-retention N]
                               [--admission-cache-lag DURATION] [--ground-truth-out FILE] --kubeconfig-out FILE
          --scenario        a simulated KubeVirt cluster: demo, small, chaos, large, rolling-upgrade,
                            generated:nodes=N,vms=M,seed=S or a scenario FILE.yaml; or, without a cluster model,
                            empty or a FILE.json List of objects; default small
          --listen          loopback address and port; port 0 picks a free port (default 127.0.0.1:0)
          --seed            seed of every random choice (default: the scenario's for the model, 0 for the server)
          --speed           model time runs N times as fast as wall time, e.g. 60 (default 1)
          --fault           API fault, e.g. virtualmachineinstancemigrations/create:error-rate=0.2,delay=500ms
                            or nodes/status/patch:forbid (a 403 as RBAC gives it; RESOURCE/SUBRESOURCE/VERB)
                            keys: error-rate, throttle-rate, retry-after, delay, drop-watch-after, forbid,
                            ambiguous-rate, ambiguous-answer (error or reset)
          --admission-cache-lag virt-api's in-flight check reads a cache this far behind (model time), e.g. 5s,
                            so two VMIMs created within it for one VMI are both admitted (default 0s)
          --event-retention changes kept for watches resuming from a resourceVersion (default 50000)
          --ground-truth-out where to write the ground truth (JSON) on exit
          --kubeconfig-out  where to write the kubeconfig once listening
        """;

    /// <summary>Parses the arguments after <c>serve</c>; returns the options and scenario, or the problems.</summary>
    public static (SimulatorServerOptions? Options, string Scenario, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new List<string>();
        var options = new SimulatorServerOptions();
        var scenario = "small";
        var faults = new List<FaultRule>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : null;
            if (value is null)
            {
                problems.Add($"{name} needs a value");
                break;
            }

            switch (name)
            {
                case "--scenario":
                    scenario = value;
                    break;
                case "--listen":
                    options = IPEndPoint.TryParse(value, out var endpoint)
                        ? options with { Listen = endpoint }
                        : Problem(options, problems, $"--listen must be ADDRESS:PORT, was \"{value}\"");
                    break;
                case "--seed":
                    options = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
                        ? options with { Seed = seed, ModelSeed = seed }
                        : Problem(options, problems, $"--seed must be an integer, was \"{value}\"");
                    break;
                case "--event-retention":
                    options = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var retention)
                        ? options with { Store = options.Store with { EventRetention = retention } }
                        : Problem(options, problems, $"--event-retention must be a positive integer, was \"{value}\"");
                    break;
                case "--fault":
                    if (FaultRuleParser.ParseText(value, problems) is { } rule)
                    {
                        faults.Add(rule);
                    }

                    break;
                case "--speed":
                    options = double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed)
                        ? options with { Speed = speed }
                        : Problem(options, problems, $"--speed must be a number, was \"{value}\"");
                    break;
                case "--admission-cache-lag":
                    options = Durations.TryParse(value, out var lag)
                        ? options with { AdmissionCacheLag = lag }
                        : Problem(options, problems, $"--admission-cache-lag must be a duration such as 500ms or 5s, was \"{value}\"");
                    break;
                case "--ground-truth-out":
                    options = options with { GroundTruthPath = value };
                    break;
                case "--kubeconfig-out":
                    options = options with { KubeconfigPath = value };
                    break;
                default:
                    problems.Add($"unknown option {name}");
                    i--;
                    break;
            }
        }

        options = options with { Faults = faults, Store = options.Store with { Seed = options.Seed } };
        if (options.KubeconfigPath is null)
        {
            problems.Add("--kubeconfig-out is required");
        }

        problems.AddRange(options.Validate());
        return problems.Count == 0 ? (options, scenario, problems) : (null, scenario, problems);
    }

    private static SimulatorServerOptions Problem(SimulatorServerOptions options, List<string> problems, string problem)
    {
        problems.Add(problem);
        return options;
    }
}
