using System.Globalization;
using System.Text;
using DrainOrchestrator.EndToEnd.Tests.Support;

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

    private ChaosRun(string kind, int number, int seed, SimulatorProcess sim, ChaosDatabase database)
    {
        (Kind, Number, Seed, Sim, Database) = (kind, number, seed, sim, database);
        Random = new Random(seed);
    }

    public string Kind { get; }

    public int Number { get; }

    public int Seed { get; }

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
    public static async Task<ChaosRun> StartAsync(string kind, int number, int seed, string scenario, double speed, string adminConnectionString)
    {
        var database = await ChaosDatabase.CreateAsync(adminConnectionString, CancellationToken.None);
        try
        {
            var sim = await SimulatorProcess.StartAsync(scenario, speed, "--seed", seed.ToString(CultureInfo.InvariantCulture));
            return new ChaosRun(kind, number, seed, sim, database);
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

    /// <summary>Starts <c>drainctl drain</c> of <see cref="DrainedNodes"/> against the run's simulator and database.</summary>
    public ChildProcess StartEngine()
    {
        string[] arguments =
        [
            "drain", "--kubeconfig", Sim.KubeconfigPath, .. DrainedNodes.SelectMany(n => new[] { "--node", n }),
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--max-attempts", "5", "--lease-seconds", "2",
            "--db", Database.ConnectionString,
        ];
        var engine = Drainctl.Start(arguments);
        lock (_gate)
        {
            _engines.Add(engine);
        }

        Note($"engine {Engines.Count} started (pid {engine.Id})");
        return engine;
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
        text.AppendLine(CultureInfo.InvariantCulture, $"--- {Kind} run {Number}, seed {Seed}, simulator {Sim.Server}, database {Database.Name}");
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
