using System.Globalization;

namespace DrainOrchestrator.Server.Bench;

/// <summary>Command-line options of the server bench.</summary>
internal sealed record ServerBenchOptions
{
    public const string Usage =
        "usage: DrainOrchestrator.Server.Bench [--smoke] [--only api,sse,refill] [--clients N] [--poll-interval-ms N] [--list-every N] "
        + "[--subscribers N] [--refill-runs N] [--no-pair] [--speed N] [--scenario FILE] [--refill-scenario FILE] [--out DIR] [--keep DIR]";

    /// <summary>The phases, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllPhases = ["api", "sse", "refill"];

    /// <summary>The short run: the small scenarios, few clients and subscribers, one refill drain.</summary>
    public bool Smoke { get; init; }

    public IReadOnlyList<string> Phases { get; init; } = AllPhases;

    /// <summary>How many clients poll drain status during the API phase.</summary>
    public int Clients { get; init; } = 50;

    /// <summary>
    /// How often each client asks (its next request is due this long after the previous one was due, or at once when
    /// the answer came later than that); zero asks again as soon as an answer is in (closed loop).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Every Nth request of a client lists the drains (<c>GET /api/v1/drains</c>); the others get one drain.</summary>
    public int ListEvery { get; init; } = 5;

    /// <summary>How many clients follow <c>GET /api/v1/events</c> during the fan-out phase.</summary>
    public int Subscribers { get; init; } = 200;

    /// <summary>How many single drains measure the refill latency in server mode; the report gives their median.</summary>
    public int RefillRuns { get; init; } = 3;

    /// <summary>Whether each server-mode refill run is followed by the same drain run by <c>drainctl drain</c>, the reference from the same minutes.</summary>
    public bool PairDrainctl { get; init; } = true;

    /// <summary>The simulator's speed in every phase; 1 makes model time wall time, which the refill latency needs.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The cluster of the API and fan-out phases: three drains of disjoint nodes run at once.</summary>
    public string Scenario { get; init; } = string.Empty;

    /// <summary>The three drains' nodes in <see cref="Scenario"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Drains { get; init; } = [];

    /// <summary>The cluster of the refill phase (the orchestration bench's, so the two engines' figures compare).</summary>
    public string RefillScenario { get; init; } = string.Empty;

    /// <summary>The refill drain's nodes in <see cref="RefillScenario"/>.</summary>
    public IReadOnlyList<string> RefillNodes { get; init; } = [];

    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>Where each phase's server log and ground truth are kept; a temporary folder (deleted) when null.</summary>
    public string? KeepDirectory { get; init; }

    public bool Runs(string phase) => Phases.Contains(phase, StringComparer.Ordinal);

    public static ServerBenchOptions? Parse(IReadOnlyList<string> args, string root, out string? error)
    {
        var options = new ServerBenchOptions();
        error = null;
        bool? clientsGiven = null, subscribersGiven = null, runsGiven = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--smoke":
                    options = options with { Smoke = true };
                    break;
                case "--only" when Value() is { } only && only.Split(',') is var phases && phases.All(p => AllPhases.Contains(p, StringComparer.Ordinal)):
                    options = options with { Phases = [.. AllPhases.Where(p => phases.Contains(p, StringComparer.Ordinal))] };
                    break;
                case "--clients" when Int(Value()) is { } clients:
                    options = options with { Clients = clients };
                    clientsGiven = true;
                    break;
                case "--poll-interval-ms" when int.TryParse(Value(), CultureInfo.InvariantCulture, out var ms) && ms >= 0:
                    options = options with { PollInterval = TimeSpan.FromMilliseconds(ms) };
                    break;
                case "--list-every" when Int(Value()) is { } every:
                    options = options with { ListEvery = every };
                    break;
                case "--subscribers" when Int(Value()) is { } subscribers:
                    options = options with { Subscribers = subscribers };
                    subscribersGiven = true;
                    break;
                case "--refill-runs" when Int(Value()) is { } runs:
                    options = options with { RefillRuns = runs };
                    runsGiven = true;
                    break;
                case "--no-pair":
                    options = options with { PairDrainctl = false };
                    break;
                case "--speed" when double.TryParse(Value(), CultureInfo.InvariantCulture, out var speed) && speed > 0:
                    options = options with { Speed = speed };
                    break;
                case "--scenario" when Value() is { } scenario:
                    options = options with { Scenario = Path.GetFullPath(scenario) };
                    break;
                case "--refill-scenario" when Value() is { } scenario:
                    options = options with { RefillScenario = Path.GetFullPath(scenario) };
                    break;
                case "--out" when Value() is { } output:
                    options = options with { OutputDirectory = Path.GetFullPath(output) };
                    break;
                case "--keep" when Value() is { } keep:
                    options = options with { KeepDirectory = Path.GetFullPath(keep) };
                    break;
                default:
                    error = $"unexpected argument or bad value at \"{args[i]}\"";
                    return null;
            }
        }

        var scenarios = Path.Combine(root, "bench", "scenarios");
        if (options.Smoke)
        {
            options = options with
            {
                Clients = clientsGiven is null ? 10 : options.Clients,
                Subscribers = subscribersGiven is null ? 20 : options.Subscribers,
                RefillRuns = runsGiven is null ? 1 : options.RefillRuns,
            };
        }

        return options with
        {
            // Like the other benches: the short run's results are not committed.
            OutputDirectory = options.OutputDirectory.Length > 0 ? options.OutputDirectory
                : Path.Combine(root, "bench", "results", options.Smoke ? "tmp" : ""),
            Scenario = options.Scenario.Length > 0 ? options.Scenario : Path.Combine(scenarios, options.Smoke ? "server-smoke.yaml" : "server.yaml"),
            Drains = options.Smoke ? [["drain-1"], ["drain-2"], ["drain-3"]] : [["drain-1", "drain-2"], ["drain-3", "drain-4"], ["drain-5", "drain-6"]],
            RefillScenario = options.RefillScenario.Length > 0 ? options.RefillScenario
                : Path.Combine(scenarios, options.Smoke ? "orchestration-quick.yaml" : "orchestration.yaml"),
            RefillNodes = options.Smoke ? ["drain-1", "drain-2"] : ["drain-1", "drain-2", "drain-3", "drain-4"],
        };
    }

    private static int? Int(string? value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
