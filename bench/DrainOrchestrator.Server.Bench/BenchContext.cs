using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench;

/// <summary>What every phase uses: the options, the built programs, the bench's PostgreSQL, the tokens, the work folder.</summary>
internal sealed record BenchContext(ServerBenchOptions Options, Programs Programs, BenchDatabase Database, ApiTokens Tokens, string WorkDirectory)
{
    /// <summary>The folder of one phase (or run) under the work folder.</summary>
    public string Directory(string name) => Path.Combine(WorkDirectory, name);
}
