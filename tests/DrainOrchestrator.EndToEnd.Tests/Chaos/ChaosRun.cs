using System.Globalization;
using System.Text;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// One run of a fault kind: its seed and random source, a fresh simulator and database, the engines it started, and
/// a log of what it did (printed when the run fails).
/// </summary>
internal sealed class ChaosRun : IAsyncDisposable
{
    /// <summary>The nodes every chaos scenario drains.</summary>
    public static readonly IReadOnlyList<string> DrainedNodes = ["src-1", "src-2"];

    private readonly List<ChildProcess> _engines = [];
    private readonly StringBuilder _notes = new();
    private readonly Lock _gate = new();

    private ChaosRun(string kind, int number, int seed, ChaosPolicy policy, SimulatorProcess sim, ChaosDatabase database)
    {
        (Kind, Number, Seed, Policy, Sim, Database) = (kind, number, seed, policy, sim, database);
        Random = new Random(seed);
    }

    public string Kind { get; }

    public int Number { get; }

    public int Seed { get; }

    /// <summary>The drain policy of every engine the run starts.</summary>
    public ChaosPolicy Policy { get; }

    /// <summary>Every random choice of the run comes from here, so that the seed names the run.</summary>
    public Random Random { get; }

    public SimulatorProcess Sim { get; }

    public ChaosDatabase Database { get; }

    public IReadOnlyList<ChildProcess> Engines
    {
        get
        {
            lock (_gate)
            {
                return [.. _engines];
            }
        }
    }

    public string Notes
    {
        get
        {
            lock (_gate)
            {
                return _notes.ToString();
            }
        }
    }

    /// <summary>Creates the run's database through <paramref name="adminConnectionString"/> and starts its simulator.</summary>
    public static async Task<ChaosRun> StartAsync(string kind, int number, int seed, ChaosPolicy policy, string scenario, double speed,
        string adminConnectionString)
    {
        var database = await ChaosDatabase.CreateAsync(adminConnectionString, CancellationToken.None);
        try
        {
            var sim = await SimulatorProcess.StartAsync(scenario, speed, "--seed", seed.ToString(CultureInfo.InvariantCulture));
            return new ChaosRun(kind, number, seed, policy, sim, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A random duration between <paramref name="minMilliseconds"/> and <paramref name="maxMilliseconds"/>.</summary>
    public TimeSpan RandomDelay(int minMilliseconds, int maxMilliseconds) =>
        TimeSpan.FromMilliseconds(Random.Next(minMilliseconds, maxMilliseconds + 1));

    /// <summary>
    /// Starts <c>drainctl drain</c> of <paramref name="nodes"/> (default <see cref="DrainedNodes"/>) against the run's
    /// simulator and database with the run's policy, <paramref name="environment"/> added to its environment.
    /// </summary>
    public ChildProcess StartEngine(IReadOnlyList<string>? nodes = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] arguments =
        [
            "drain", "--kubeconfig", Sim.KubeconfigPath, .. (nodes ?? DrainedNodes).SelectMany(n => new[] { "--node", n }),
            "--non-migratable", "skip", .. Policy.DrainArguments(), "--lease-seconds", "2",
            "--db", Database.ConnectionString,
        ];
        var engine = ChildProcess.Start(Programs.Drainctl, arguments, environment);
        lock (_gate)
        {
            _engines.Add(engine);
        }

        var with = environment is null ? "" : " with " + string.Join(" ", environment.Select(e => $"{e.Key}={e.Value}"));
        Note($"engine {Engines.Count} started (pid {engine.Id}, {Policy.Name()} policy{with})");
        return engine;
    }

    /// <summary>
    /// Turns on virt-api's admission cache lag in the simulator: a VMIM created less than <paramref name="lag"/> (model
    /// time) before another for the same VMI does not stop the second, so only the engine's own guard prevents a VMI
    /// from migrating twice.
    /// </summary>
    public async Task LagAdmissionAsync(string lag = "5s")
    {
        var code = await Sim.SendAsync(HttpMethod.Put, "/sim/v1/admission", $$"""{"cacheLag":"{{lag}}"}""");
        if (code != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"setting the admission cache lag answered {(int)code}");
        }

        Note($"virt-api admission reads a cache {lag} (model time) behind");
    }

    /// <summary>
    /// Whether every drain the run's database holds has ended (succeeded, failed or cancelled). Only an unfinished one
    /// may be resumed by another engine: after a final one, <c>drainctl drain</c> would start a second drain.
    /// </summary>
    public async Task<bool> DrainsEndedAsync()
    {
        await using var dataSource = Database.OpenDataSource();
        return (await Records.DrainsAsync(dataSource)).All(d => d.State.IsFinal());
    }

    public void Note(string text)
    {
        lock (_gate)
        {
            _notes.AppendLine(text);
        }
    }

    /// <summary>Everything worth reading when the run failed: the notes, each engine's output, the simulator's output.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"--- {Kind} run {Number}, seed {Seed}, {Policy.Name()} policy, simulator {Sim.Server}, database {Database.Name}");
        text.Append(Notes);
        var engines = Engines;
        for (var i = 0; i < engines.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- engine {i + 1} (pid {engines[i].Id}):");
            text.AppendLine(Tail(engines[i].Output, 6000));
        }

        text.AppendLine("--- simulator:");
        text.AppendLine(Tail(Sim.Output, 3000));
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in Engines)
        {
            await engine.DisposeAsync();
        }

        await Sim.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];
}
