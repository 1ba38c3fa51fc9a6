using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Bench.Harness.Runs;

namespace DrainOrchestrator.Orchestration.Bench.Runs;

/// <summary>What one drain left behind, kept as files so it can be analysed again (<c>--analyze DIR</c>).</summary>
internal sealed record RunMaterial(RunFacts Facts, JsonObject GroundTruth, IReadOnlyList<string> EngineLog, IReadOnlyList<StatementCount> Statements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "run.json"), JsonSerializer.Serialize(Facts, Json));
        File.WriteAllText(Path.Combine(directory, "ground-truth.json"), GroundTruth.ToJsonString(Json));
        File.WriteAllLines(Path.Combine(directory, "engine.log"), EngineLog);
        File.WriteAllText(Path.Combine(directory, "statements.json"), JsonSerializer.Serialize(Statements, Json));
    }

    public static RunMaterial Load(string directory) => new(
        JsonSerializer.Deserialize<RunFacts>(File.ReadAllText(Path.Combine(directory, "run.json")), Json)!,
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "ground-truth.json")))!.AsObject(),
        File.ReadAllLines(Path.Combine(directory, "engine.log")),
        JsonSerializer.Deserialize<List<StatementCount>>(File.ReadAllText(Path.Combine(directory, "statements.json")), Json)!);
}

/// <summary>The measurements taken around the engine process.</summary>
/// <param name="Run">The run's number, from 1.</param>
/// <param name="Speed">The simulator's speed.</param>
/// <param name="ExitCode">drainctl's exit code.</param>
/// <param name="StartedAt">Wall time drainctl was started.</param>
/// <param name="ExitedAt">Wall time drainctl had exited.</param>
/// <param name="CpuUserSeconds">drainctl's user CPU time (getrusage of the reaped child).</param>
/// <param name="CpuSystemSeconds">drainctl's system CPU time.</param>
/// <param name="PeakResidentBytes">drainctl's peak resident set (VmHWM, sampled every 50 ms).</param>
/// <param name="PeakThreads">The most threads seen.</param>
/// <param name="Transactions">Committed and rolled-back transactions in the run's database during the drain.</param>
/// <param name="StatementsTracked">Whether pg_stat_statements counted statements.</param>
/// <param name="LoadBefore">The load averages (1, 5, 15 min) when the drain started.</param>
/// <param name="LoadAfter">The load averages when it ended.</param>
/// <param name="Arguments">drainctl's arguments, the connection string replaced.</param>
internal sealed record RunFacts(int Run, double Speed, int ExitCode, DateTimeOffset StartedAt, DateTimeOffset ExitedAt,
    double CpuUserSeconds, double CpuSystemSeconds, long PeakResidentBytes, long PeakThreads, long Transactions,
    bool StatementsTracked, IReadOnlyList<double> LoadBefore, IReadOnlyList<double> LoadAfter, IReadOnlyList<string> Arguments);
